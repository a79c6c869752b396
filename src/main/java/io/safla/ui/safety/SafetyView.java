package io.safla.ui.safety;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.safla.checkpoint.CheckpointInfo;
import io.safla.checkpoint.service.CheckpointService;
import io.safla.memory.StorageUnavailableException;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.safety.ConstraintEvaluation;
import io.safla.safety.Finding;
import io.safla.safety.LayerResult;
import io.safla.safety.SafetyLevel;
import io.safla.safety.SafetyResult;
import io.safla.safety.service.SafetyService;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.OperatorAccess;
import io.safla.ui.kit.ViewHeader;
import io.safla.ui.kit.VisitorActions;
import io.safla.ui.kit.VisitorPreferences;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Route("safety")
@PageTitle("Safety | SAFLA")
@Menu(order = 2, icon = "vaadin:shield", title = "Safety")
class SafetyView extends VerticalLayout {

    static final int MAX_TEXT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SafetyService safety;
    private final CheckpointService checkpoints;
    private final VisitorActions actions;
    private final OperatorAccess access;
    final TextArea input = new TextArea("Text to validate");
    final ComboBox<SafetyExamples.Example> examples = new ComboBox<>("Examples");
    final Select<SafetyLevel> level = new Select<>();
    final CheckboxGroup<String> layers = new CheckboxGroup<>("Layers");
    final TextArea context = new TextArea("Earlier messages (optional, one per line)");
    final Checkbox mask = new Checkbox("Also show a masked copy");
    final Button validate = new Button("Validate");
    final Span verdict = new Span();
    final Span score = new Span();
    final Span risk = new Span();
    final Div highlighted = new Div();
    final Div sanitized = new Div();
    final EChart radar = new EChart();
    final Grid<Finding> violations = new Grid<>();
    final Grid<LayerResult> layerGrid = new Grid<>();
    final Grid<CheckpointInfo> checkpointGrid = new Grid<>();
    final Grid<ConstraintEvaluation> constraintGrid = new Grid<>();
    final Span emergencyStatus = new Span();
    final Button emergency = new Button();
    final Span semantic = new Span();
    private VerticalLayout resultBox = new VerticalLayout();
    private final VisitorPreferences preferences;
    private Registration preferencesApplied;

    SafetyView(
            SafetyService safety,
            CheckpointService checkpoints,
            VisitorActions actions,
            OperatorAccess access,
            VisitorPreferences preferences) {
        this.safety = safety;
        this.preferences = preferences;
        this.checkpoints = checkpoints;
        this.actions = actions;
        this.access = access;
        setId("safety-view");
        add(new ViewHeader(
                "Safety",
                "Put any text through the layered validator: content, prompt injection,"
                        + " privacy, behaviour and a semantic layer that compares it with known attacks. The verdict, scores,"
                        + " evidence spans and latencies are computed now, on this server."));
        add(createForm(), createResult(), createOperations());
        refreshOperations();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // preferences read back from the browser arrive after this view was built
        preferencesApplied = VisitorPreferences.addAppliedListener(
                event.getUI(), e -> level.setValue(e.preferences().safetyLevel()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        preferencesApplied.remove();
        super.onDetach(event);
    }

    private Component createForm() {
        input.setId("safety-input");
        input.setMaxLength(MAX_TEXT);
        input.setWidthFull();
        input.setMinHeight("120px");
        input.setHelperText("At most 1 000 characters (the API takes up to 10 000)");
        examples.setItems(SafetyExamples.ALL);
        examples.setItemLabelGenerator(SafetyExamples.Example::label);
        examples.setPlaceholder("Pick an example");
        examples.setId("safety-examples");
        examples.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                input.setValue(e.getValue().text());
            }
        });
        level.setLabel("Level");
        level.setId("safety-level");
        level.setItems(SafetyLevel.values());
        level.setItemLabelGenerator(
                l -> l.name().charAt(0) + l.name().substring(1).toLowerCase(Locale.ROOT));
        level.setValue(preferences.current().safetyLevel());
        layers.setId("safety-layers");
        List<String> names = new ArrayList<>(safety.layerNames());
        layers.setItems(names);
        layers.setValue(safety.textLayers());
        context.setWidthFull();
        context.setMaxLength(5000);
        validate.setId("validate-button");
        validate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        validate.addClickListener(e -> runValidation());
        semantic.addClassName("search-summary");
        semantic.setText("Semantic layer: " + safety.semanticStatus());
        FormLayout form = new FormLayout(examples, level, input, layers, context, mask, validate, semantic);
        form.setColspan(input, 2);
        form.setColspan(context, 2);
        form.setColspan(layers, 2);
        form.setColspan(semantic, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        return form;
    }

    private Component createResult() {
        verdict.setId("safety-verdict");
        score.setId("safety-score");
        risk.setId("safety-risk");
        HorizontalLayout summary = new HorizontalLayout(verdict, score, risk);
        // a screen reader hears the new verdict without hunting for it
        summary.getElement().setAttribute("aria-live", "polite");
        summary.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setWrap(true);
        highlighted.setId("safety-highlighted");
        highlighted.addClassName("highlighted-text");
        sanitized.setId("safety-sanitized");
        sanitized.addClassName("highlighted-text");
        sanitized.setVisible(false);
        radar.setId("safety-radar");
        radar.setHeight("300px");
        radar.setAriaLabel("Radar chart of the risk per category for the last validation");
        violations.setId("safety-violations");
        violations.setAriaLabel("Violations found");
        violations.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        violations
                .addColumn(Finding::layer)
                .setHeader("Layer")
                .setKey("layer")
                .setAutoWidth(true)
                .setFlexGrow(0);
        violations
                .addColumn(f -> f.category().name().toLowerCase(Locale.ROOT))
                .setHeader("Category")
                .setKey("category")
                .setAutoWidth(true)
                .setFlexGrow(0);
        violations
                .addComponentColumn(f -> severityBadge(f))
                .setHeader("Severity")
                .setKey("severity")
                .setAutoWidth(true)
                .setFlexGrow(0);
        violations
                .addColumn(Finding::message)
                .setHeader("Finding")
                .setKey("message")
                .setFlexGrow(1);
        violations
                .addColumn(f -> f.end() > f.start() ? f.start() + "–" + f.end() : "–")
                .setHeader("Span")
                .setKey("span")
                .setAutoWidth(true)
                .setFlexGrow(0);
        violations.setAllRowsVisible(true);
        violations.setEmptyStateText("No findings.");
        layerGrid.setId("safety-layer-results");
        layerGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        layerGrid.addColumn(LayerResult::name).setHeader("Layer").setKey("name");
        layerGrid
                .addColumn(l -> l.passed() ? "passed" : "failed")
                .setHeader("Result")
                .setKey("passed");
        layerGrid
                .addColumn(l -> String.format(Locale.ROOT, "%.2f", l.score()))
                .setHeader("Score")
                .setKey("score");
        layerGrid.addColumn(l -> l.findings().size()).setHeader("Findings").setKey("findings");
        layerGrid.addColumn(l -> l.latencyMicros() + " µs").setHeader("Latency").setKey("latency");
        layerGrid.setAllRowsVisible(true);
        layerGrid.setAriaLabel("Result and latency per layer");
        Div charts = new Div(radar, layerGrid);
        charts.addClassName("two-columns");
        resultBox = new VerticalLayout(
                summary,
                new H3("Evidence"),
                highlighted,
                sanitized,
                violations,
                new H3("Risk by category and layer latency"),
                charts);
        resultBox.setPadding(false);
        resultBox.setId("safety-result");
        resultBox.setVisible(false);
        return resultBox;
    }

    private static Span severityBadge(Finding f) {
        Span badge = new Span(f.severity().name() + (f.blocking() ? " · blocking" : ""));
        badge.getElement().getThemeList().add("badge");
        switch (f.severity()) {
            case CRITICAL, HIGH -> badge.getElement().getThemeList().add("error");
            case MEDIUM -> badge.getElement().getThemeList().add("contrast");
            default -> {}
        }
        return badge;
    }

    void runValidation() {
        String text = input.getValue() == null ? "" : input.getValue();
        input.setInvalid(false);
        if (text.isBlank()) {
            input.setErrorMessage("Type or pick a text to validate");
            input.setInvalid(true);
            error("Nothing to validate yet.");
            return;
        }
        if (text.length() > MAX_TEXT) {
            input.setErrorMessage("At most 1 000 characters");
            input.setInvalid(true);
            error("The text is too long.");
            return;
        }
        if (layers.getValue().isEmpty()) {
            error("Choose at least one layer.");
            return;
        }
        List<String> earlier = context.getValue() == null || context.getValue().isBlank()
                ? List.of()
                : Arrays.stream(context.getValue().split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        Set<String> chosen = Set.copyOf(layers.getValue());
        actions.run("safety.validate", () -> {
            SafetyResult result = safety.validate(text, level.getValue(), chosen, earlier, "ui");
            show(text, result);
            semantic.setText("Semantic layer: " + safety.semanticStatus());
        });
    }

    void show(String text, SafetyResult result) {
        verdict.setText(result.verdict().name());
        verdict.setClassName("verdict verdict-" + result.verdict().name().toLowerCase(Locale.ROOT));
        score.setText(String.format(Locale.ROOT, "safety score %.2f", result.safetyScore()));
        risk.setText("risk " + result.riskLevel().name() + (result.approved() ? " · approved" : " · not approved")
                + " · " + result.latencyMicros() + " µs");
        highlight(text, result.violations());
        if (mask.getValue()) {
            sanitized.setText("Masked: " + safety.mask(text, level.getValue()).text());
            sanitized.setVisible(true);
        } else {
            sanitized.setVisible(false);
        }
        violations.setItems(result.violations());
        layerGrid.setItems(result.layers());
        radar.setOption(radarOption(result));
        resultBox.setVisible(true);
        resultBox.scrollIntoView();
    }

    /** Builds the highlighted text from components, never from HTML, so the input cannot inject markup. */
    void highlight(String text, List<Finding> findings) {
        highlighted.removeAll();
        List<Finding> spans = findings.stream()
                .filter(f -> f.end() > f.start() && f.end() <= text.length())
                .sorted(Comparator.comparingInt(Finding::start))
                .toList();
        int position = 0;
        for (Finding f : spans) {
            int start = Math.max(position, f.start());
            if (start >= f.end()) {
                continue;
            }
            if (start > position) {
                highlighted.add(new Span(text.substring(position, start)));
            }
            Span mark = new Span(text.substring(start, f.end()));
            mark.addClassName("violation-mark");
            mark.addClassName("severity-" + f.severity().name().toLowerCase(Locale.ROOT));
            mark.getElement()
                    .setAttribute(
                            "title",
                            f.layer() + " / " + f.category().name().toLowerCase(Locale.ROOT) + ": " + f.message());
            highlighted.add(mark);
            position = f.end();
        }
        if (position < text.length()) {
            highlighted.add(new Span(text.substring(position)));
        }
    }

    static ObjectNode radarOption(SafetyResult result) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip");
        ArrayNode indicators = option.putObject("radar").put("radius", "65%").putArray("indicator");
        ArrayNode values = JSON.createArrayNode();
        result.categoryRisks().forEach((category, value) -> {
            indicators
                    .addObject()
                    .put("name", category.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .put("max", 1);
            values.add(Math.round(value * 100) / 100.0);
        });
        ObjectNode series =
                option.putArray("series").addObject().put("type", "radar").put("name", "risk");
        series.putObject("areaStyle").put("opacity", 0.3);
        series.putArray("data").addObject().put("name", "risk by category").set("value", values);
        return option;
    }

    private Component createOperations() {
        checkpointGrid.setId("checkpoint-grid");
        checkpointGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        checkpointGrid
                .addColumn(c -> TIME.format(c.createdAt()))
                .setHeader("Taken (UTC)")
                .setAutoWidth(true);
        checkpointGrid.addColumn(CheckpointInfo::reason).setHeader("Reason").setFlexGrow(1);
        checkpointGrid.addColumn(CheckpointInfo::items).setHeader("Items").setAutoWidth(true);
        checkpointGrid
                .addComponentColumn(c -> {
                    Button rollback = new Button("Roll back", e -> confirmRollback(c));
                    rollback.setAriaLabel("Roll back to the checkpoint taken " + TIME.format(c.createdAt()) + " UTC");
                    rollback.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    rollback.setEnabled(access.engineWideAllowed());
                    return rollback;
                })
                .setAutoWidth(true);
        checkpointGrid.setAllRowsVisible(true);
        checkpointGrid.setAriaLabel("Checkpoints");
        checkpointGrid.setEmptyStateText("No checkpoints yet.");
        Button take = new Button("Take checkpoint", e -> takeCheckpoint());
        take.setId("take-checkpoint");
        take.setEnabled(access.engineWideAllowed());
        constraintGrid.setId("constraint-grid");
        constraintGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        constraintGrid
                .addColumn(c -> c.constraint().name())
                .setHeader("Constraint")
                .setAutoWidth(true);
        constraintGrid
                .addColumn(c -> c.constraint().expression())
                .setHeader("Rule")
                .setAutoWidth(true);
        constraintGrid
                .addColumn(c -> c.constraint().type().name().toLowerCase(Locale.ROOT) + " → "
                        + c.constraint().action().name().toLowerCase(Locale.ROOT))
                .setHeader("Kind")
                .setAutoWidth(true);
        constraintGrid
                .addColumn(c -> c.observed() == null ? "missing" : String.format(Locale.ROOT, "%.2f", c.observed()))
                .setHeader("Now")
                .setAutoWidth(true);
        constraintGrid
                .addColumn(c -> c.status().name())
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        constraintGrid.setAllRowsVisible(true);
        constraintGrid.setAriaLabel("System constraints");
        emergencyStatus.setId("emergency-status");
        emergency.setId("emergency-button");
        emergency.addClickListener(e -> toggleEmergency());
        Button refresh = new Button("Refresh", e -> refreshOperations());
        refresh.setAriaLabel("Refresh checkpoints, constraints and the emergency stop");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Span lockNote = new Span(access.engineWideAllowed() ? "" : access.lockedReason());
        lockNote.addClassName("search-summary");
        HorizontalLayout emergencyRow = new HorizontalLayout(emergencyStatus, emergency, refresh);
        emergencyRow.setAlignItems(FlexComponent.Alignment.CENTER);
        emergencyRow.setWrap(true);
        VerticalLayout operations = new VerticalLayout(
                new H3("Emergency stop"),
                emergencyRow,
                lockNote,
                new H3("Checkpoints and rollback"),
                take,
                checkpointGrid,
                new H3("Constraints on the live system"),
                constraintGrid);
        operations.setPadding(false);
        return operations;
    }

    void refreshOperations() {
        checkpointGrid.setItems(checkpoints.list());
        constraintGrid.setItems(safety.constraintStatus());
        var freeze = checkpoints.emergency();
        emergency.setEnabled(access.engineWideAllowed());
        if (freeze.isPresent()) {
            emergencyStatus.setText("STOPPED since " + TIME.format(freeze.get().since()) + " UTC: "
                    + freeze.get().reason() + ". Memory writes are frozen.");
            emergencyStatus.setClassName("verdict verdict-unsafe");
            emergency.setText("Release");
            emergency.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        } else {
            emergencyStatus.setText("Running: memory writes allowed.");
            emergencyStatus.setClassName("verdict verdict-safe");
            emergency.setText("Emergency stop");
            emergency.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
    }

    void takeCheckpoint() {
        actions.run("safety.checkpoint", () -> {
            try {
                CheckpointInfo info = checkpoints.create("taken from the Safety tab");
                Notification.show(
                                "Checkpoint " + info.id() + " taken (" + info.items() + " items)",
                                3000,
                                Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refreshOperations();
            } catch (EngineUnavailableException e) {
                error("Degraded: " + e.getMessage());
            }
        });
    }

    void confirmRollback(CheckpointInfo checkpoint) {
        ConfirmDialog dialog = new ConfirmDialog(
                "Roll back to " + TIME.format(checkpoint.createdAt()) + " UTC?",
                "The memory returns exactly to this checkpoint (" + checkpoint.items() + " items, reason: "
                        + checkpoint.reason() + "). Everything stored since is removed for every visitor.",
                "Roll back",
                e -> rollback(checkpoint));
        dialog.setId("confirm-rollback");
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void rollback(CheckpointInfo checkpoint) {
        actions.run("safety.rollback", () -> {
            try {
                CheckpointService.RollbackReport report = checkpoints.rollback(checkpoint.id());
                Notification.show(
                                (report.exact()
                                                ? "Rolled back: the state matches the checkpoint's checksum exactly."
                                                : "Rolled back, but the state does not match the checkpoint's checksum.")
                                        + " Episodic, semantic and working memory: " + report.hybrid() + ".",
                                5000,
                                Notification.Position.BOTTOM_END)
                        .addThemeVariants(
                                report.exact() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
                refreshOperations();
            } catch (EngineUnavailableException | StorageUnavailableException | IllegalArgumentException e) {
                error(e.getMessage());
            }
        });
    }

    void toggleEmergency() {
        if (!access.engineWideAllowed()) {
            error(access.lockedReason());
            return;
        }
        actions.run("safety.emergency", () -> {
            try {
                if (checkpoints.emergency().isPresent()) {
                    checkpoints.release();
                } else {
                    checkpoints.emergencyStop("pressed in the Safety tab");
                }
                refreshOperations();
            } catch (EngineUnavailableException e) {
                error("Degraded: " + e.getMessage());
            }
        });
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
