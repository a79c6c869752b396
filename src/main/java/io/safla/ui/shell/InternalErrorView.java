package io.safla.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.safla.monitor.service.ErrorIds;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replaces Vaadin's error page, which shows a stack trace in development mode, with an id and no internals. */
@ParentLayout(MainLayout.class)
public class InternalErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = ErrorIds.next();
        log.error("View error {} on /{}", id, event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        H2 title = new H2("Something went wrong");
        title.setId("view-title");
        add(
                title,
                new Paragraph("This page could not be shown. The error was logged with id " + id
                        + "; please quote it if you report the problem."));
        setId("error-view");
        addClassName("view-padding");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
