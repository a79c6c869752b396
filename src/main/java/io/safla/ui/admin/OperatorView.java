package io.safla.ui.admin;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.service.OperatorService;
import io.safla.system.service.SaflaManager;
import io.safla.ui.kit.Figure;
import io.safla.ui.kit.OperatorAccess;
import io.safla.ui.kit.ViewHeader;
import io.safla.ui.kit.VisitorActions;
import java.io.ByteArrayInputStream;
import java.util.Map;

/** Operator-only status: JVM, OS, directories, redacted environment, memory and CPU, thread dump on request. */
@Route("admin")
@PageTitle("Operator status | SAFLA")
class OperatorView extends VerticalLayout {

    private final OperatorService operator;
    private final SaflaManager manager;
    private final VisitorActions actions;
    private final OperatorAccess access;
    final PasswordField token = new PasswordField("Operator token");
    final Div content = new Div();

    OperatorView(OperatorService operator, SaflaManager manager, VisitorActions actions, OperatorAccess access) {
        this.operator = operator;
        this.manager = manager;
        this.actions = actions;
        this.access = access;
        setId("operator-view");
        add(new ViewHeader(
                "Operator status",
                "Server internals for the people who run this Space. Secrets are"
                        + " never shown: variables named like keys, tokens, secrets or passwords, and values shaped like"
                        + " tokens, are redacted."));
        content.setWidthFull();
        add(content);
        if (!operator.enabled()) {
            content.add(new Paragraph(
                    "This page is disabled: set the ADMIN_TOKEN secret (at least 16 characters)" + " to enable it."));
        } else if (access.unlocked()) {
            showReport();
        } else {
            showLogin();
        }
    }

    private void showLogin() {
        Button unlock = new Button("Unlock", e -> unlock());
        unlock.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        unlock.addClickShortcut(Key.ENTER);
        token.setId("operator-token");
        content.add(token, unlock);
    }

    private void unlock() {
        actions.run("operator.unlock", () -> {
            if (operator.verify(token.getValue())) {
                access.unlock();
                token.clear();
                content.removeAll();
                showReport();
            } else {
                token.clear();
                token.setInvalid(true);
                token.setErrorMessage("Wrong token");
                Notification.show("Wrong operator token", 4000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    private void showReport() {
        SaflaManager.SystemReport report = manager.report();
        HealthSnapshot h = report.health();
        Div facts = new Div();
        facts.setId("operator-facts");
        facts.addClassName("health-figures");
        fact(facts, "Java", report.javaVersion());
        fact(facts, "Operating system", report.os());
        fact(facts, "Working directory", report.workingDirectory());
        fact(facts, "Data directory", report.dataDirectory());
        fact(facts, "CPUs", h.processors() + " (load " + String.format("%.2f", h.loadAverage()) + ")");
        fact(facts, "Heap", h.heapUsedBytes() / 1048576 + " / " + h.heapMaxBytes() / 1048576 + " MB");
        fact(facts, "RSS", h.residentBytes() < 0 ? "unknown" : h.residentBytes() / 1048576 + " MB");
        fact(
                facts,
                "System memory",
                h.systemMemoryAvailableBytes() / 1048576 + " MB free of " + h.systemMemoryTotalBytes() / 1048576
                        + " MB");
        Grid<Map.Entry<String, String>> environment = new Grid<>();
        environment.setAriaLabel("Environment variables");
        environment.setId("operator-environment");
        environment
                .addColumn(Map.Entry::getKey)
                .setHeader("Variable")
                .setAutoWidth(true)
                .setSortable(true);
        environment.addColumn(Map.Entry::getValue).setHeader("Value").setFlexGrow(1);
        environment.setItems(report.environment().entrySet());
        environment.setHeight("320px");
        Pre dump = new Pre();
        dump.setId("operator-thread-dump");
        dump.addClassName("operator-dump");
        Button threads = new Button(
                "Thread dump", e -> actions.run("operator.threads", () -> dump.setText(manager.threadDump())));
        // the same zip as GET /api/system/backup; built when clicked, so it is current
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] zip = manager.backupZip();
                    return new DownloadResponse(
                            new ByteArrayInputStream(zip), manager.fileName(), "application/zip", zip.length);
                }),
                "Download system backup");
        download.setId("operator-backup");
        download.getElement().setAttribute("download", true);
        download.addClassName("download-link");
        content.add(facts, download, new Span("Environment variables"), environment, threads, dump);
    }

    private static void fact(Div facts, String label, String value) {
        facts.add(Figure.of(label, value));
    }
}
