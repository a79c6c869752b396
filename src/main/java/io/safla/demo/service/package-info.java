/**
 * The Demo tab's scenarios as services: {@link io.safla.demo.service.DemoService} starts a private sandbox per
 * visitor's run, and each sandbox drives the real engines step by step and answers with values for the view.
 */
@NullMarked
package io.safla.demo.service;

import org.jspecify.annotations.NullMarked;
