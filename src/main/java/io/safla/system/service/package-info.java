/**
 * The SAFLA manager: status of every part, the configuration in force, the operator's report and the backup.
 */
@NullMarked
package io.safla.system.service;

import org.jspecify.annotations.NullMarked;
