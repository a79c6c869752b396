package io.safla.ui.kit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled figure card (health panel, memory statistics, operator page); styled by app.css. */
public final class Figure {

    private Figure() {}

    /** A card showing {@code label} over {@code value}, findable by its {@code data-figure} attribute. */
    public static Div of(String label, String value) {
        Span v = new Span(value);
        v.addClassName("health-figure-value");
        Div cell = new Div(new Span(label), v);
        cell.addClassName("health-figure");
        cell.getElement().setAttribute("data-figure", label);
        return cell;
    }
}
