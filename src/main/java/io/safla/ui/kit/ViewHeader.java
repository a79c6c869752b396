package io.safla.ui.kit;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;

/** A view's heading and a one-paragraph description of what the view does. */
public class ViewHeader extends Header {

    public ViewHeader(String title, String description) {
        H2 heading = new H2(title);
        heading.setId("view-title");
        Paragraph intro = new Paragraph(description);
        intro.addClassName("view-intro");
        add(heading, intro);
        addClassName("view-header");
    }
}
