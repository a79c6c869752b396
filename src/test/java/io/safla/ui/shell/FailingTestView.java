package io.safla.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

/** Test-only route whose construction fails, to see what a visitor is shown. */
@Route(value = "test/failing", layout = MainLayout.class)
public class FailingTestView extends Div {

    public FailingTestView() {
        throw new IllegalStateException("secret internal detail");
    }
}
