package io.safla.ui.memory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.memory.WritesFrozenException;
import io.safla.memory.hybrid.ConsolidationSettings;
import io.safla.memory.service.ConsolidationService;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.working.AttendedItem;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.OperatorAccess;
import io.safla.ui.kit.VisitorActions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared working memory: attention now and at the last access (the difference is the decay), as a bar chart and
 * a grid; focus on a new item, refresh a selected one, and (operator only on a public Space) consolidate.
 */
class WorkingMemoryPanel extends HybridPanel {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ConsolidationService consolidation;
    private final VisitorActions actions;
    private final OperatorAccess access;
    private final Clock clock;
    final TextField text = new TextField("Bring into focus");
    final NumberField attention = new NumberField("Attention");
    final Button focus = new Button("Focus");
    final Button touch = new Button("Refresh selected");
    final Button reload = new Button("Reload");
    final Span summary = new Span();
    final EChart chart = new EChart();
    final Grid<AttendedItem> items = new Grid<>();
    final Button consolidate = new Button("Consolidate now");
    final Span consolidationStatus = new Span();

    WorkingMemoryPanel(
            HybridMemoryService hybrid,
            ConsolidationService consolidation,
            VisitorActions actions,
            OperatorAccess access,
            Clock clock) {
        super(hybrid, "working-status");
        this.consolidation = consolidation;
        this.actions = actions;
        this.access = access;
        this.clock = clock;
        text.setId("working-text");
        text.setMaxLength(1000);
        text.setPlaceholder("e.g. the visitor asks about retrieval-augmented generation");
        attention.setId("working-attention");
        attention.setMin(0);
        attention.setMax(1);
        attention.setStep(0.1);
        attention.setValue(0.8);
        attention.setHelperText("0 – 1");
        FormLayout form = twoColumns(text, attention);
        focus.setId("working-focus");
        focus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        focus.addClickListener(e -> focusItem());
        touch.setId("working-touch");
        touch.addClickListener(e -> touchSelected());
        reload.setId("working-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reload.addClickListener(e -> refresh());
        HorizontalLayout buttons = new HorizontalLayout(focus, touch, reload);
        buttons.setWrap(true);
        buttons.setAlignItems(FlexComponent.Alignment.CENTER);
        summary(summary, "working-summary");
        chart.setId("working-chart");
        chart.setHeight("320px");
        items.setId("working-items");
        items.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.addColumn(a -> String.format(Locale.ROOT, "%.3f", a.attention()))
                .setHeader("Attention now")
                .setKey("attention")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        items.addColumn(a -> String.format(Locale.ROOT, "%.2f", a.item().baseAttention()))
                .setHeader("At last access")
                .setKey("base")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        items.addColumn(a -> ago(Duration.between(a.item().lastAccess(), clock.instant())))
                .setHeader("Last access")
                .setKey("age")
                .setAutoWidth(true)
                .setFlexGrow(0);
        items.addColumn(a -> a.item().text()).setHeader("Item").setKey("text").setFlexGrow(1);
        items.setHeight("360px");
        items.setEmptyStateText("Working memory is empty: bring something into focus.");
        consolidate.setId("consolidate-now");
        consolidate.addClickListener(e -> consolidateNow());
        consolidationStatus.setId("consolidation-status");
        consolidationStatus.addClassName("search-summary");
        add(form, buttons, summary, chart, items, new H4("Consolidation"), consolidationStatus, consolidate);
        refresh();
    }

    @Override
    void refresh() {
        consolidate.setEnabled(access.engineWideAllowed());
        showConsolidation();
        if (!checkReady()) {
            return;
        }
        try {
            List<AttendedItem> context = hybrid.context();
            items.setItems(context);
            summary.setText(context.size() + " items in the shared active context; attention halves every "
                    + ago(hybrid.workingHalfLife()) + " without access.");
            chart.setOption(option(context));
        } catch (EngineUnavailableException e) {
            summary.setText("Degraded: " + e.getMessage());
        }
    }

    static ObjectNode option(List<AttendedItem> context) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip")
                .put("trigger", "axis")
                .put("renderMode", "richText")
                .put("confine", true);
        option.putObject("legend").put("top", 0);
        option.putObject("grid")
                .put("left", 8)
                .put("right", 16)
                .put("top", 30)
                .put("bottom", 24)
                .put("containLabel", true);
        option.putObject("xAxis").put("type", "value").put("min", 0).put("max", 1);
        ObjectNode y = option.putObject("yAxis").put("type", "category").put("inverse", true);
        y.putObject("axisLabel").put("width", 110).put("overflow", "truncate");
        ArrayNode labels = y.putArray("data");
        ArrayNode now = option.putArray("series")
                .addObject()
                .put("type", "bar")
                .put("name", "attention now")
                .putArray("data");
        ArrayNode base = ((ArrayNode) option.get("series"))
                .addObject()
                .put("type", "bar")
                .put("name", "at last access")
                .put("barGap", "-100%")
                .put("z", 1)
                .putArray("data");
        ((ObjectNode) option.get("series").get(1)).putObject("itemStyle").put("opacity", 0.25);
        for (AttendedItem a : context) {
            labels.add(shorten(a.item().text(), 40));
            now.add(Math.round(a.attention() * 1000) / 1000.0);
            base.add(Math.round(a.item().baseAttention() * 1000) / 1000.0);
        }
        return option;
    }

    void focusItem() {
        String value = text.getValue().strip();
        Double a = attention.getValue();
        if (value.isEmpty() || a == null || a < 0 || a > 1) {
            text.setInvalid(value.isEmpty());
            text.setErrorMessage("Type what to focus on");
            attention.setInvalid(a == null || a < 0 || a > 1);
            attention.setErrorMessage("Between 0 and 1");
            error("Please correct the highlighted fields.");
            return;
        }
        text.setInvalid(false);
        attention.setInvalid(false);
        actions.run("memory.working.focus", () -> {
            try {
                hybrid.focus(value, a);
                text.clear();
                refresh();
            } catch (EngineUnavailableException | WritesFrozenException | IllegalArgumentException e) {
                error(e.getMessage());
            }
        });
    }

    void touchSelected() {
        AttendedItem selected = items.asSingleSelect().getValue();
        if (selected == null) {
            error("Select an item to refresh.");
            return;
        }
        actions.run("memory.working.touch", () -> {
            try {
                hybrid.touch(selected.item().id());
                refresh();
            } catch (EngineUnavailableException | WritesFrozenException | IllegalArgumentException e) {
                error(e.getMessage());
            }
        });
    }

    void consolidateNow() {
        if (!access.engineWideAllowed()) {
            error(access.lockedReason());
            return;
        }
        actions.run("memory.consolidate", () -> {
            try {
                ConsolidationService.Outcome outcome = consolidation.runNow(access.unlocked() ? "operator" : "visitor");
                Notification.show(
                                outcome.checkpointId()
                                        .map(id -> "Consolidated; checkpoint " + id
                                                + " can roll it back from the Safety tab")
                                        .orElse("Nothing to consolidate: no change"),
                                5000,
                                Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (EngineUnavailableException | WritesFrozenException | IllegalArgumentException e) {
                error(e.getMessage());
            }
        });
    }

    private void showConsolidation() {
        ConsolidationSettings s = consolidation.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(
                s.intervalMinutes() == 0
                        ? "Scheduled runs are off."
                        : "Runs every " + s.intervalMinutes() + " min"
                                + consolidation
                                        .nextRun()
                                        .map(t -> " (next " + TIME.format(t) + " UTC)")
                                        .orElse("") + ".");
        sb.append(" Episodes older than ")
                .append(s.episodicRetentionDays())
                .append(" days are dropped; episodes at")
                .append(" least ")
                .append(s.importanceThreshold())
                .append(" important become concepts; working items")
                .append(" with attention at least 0.5 become episodes, and those below the threshold leave the")
                .append(" context.");
        consolidation
                .last()
                .ifPresent(o -> sb.append(String.format(
                        Locale.ROOT,
                        " Last run %s UTC (%s): %d"
                                + " expired, %d promoted, %d swept, %d concepts and %d relations changed%s.",
                        TIME.format(o.at()),
                        o.trigger(),
                        o.run().expiredEpisodeIds().size(),
                        o.run().consolidation().promotedWorkingIds().size(),
                        o.run().sweptWorkingIds().size(),
                        o.run().consolidation().concepts().size(),
                        o.run().consolidation().relations().size(),
                        o.checkpointId().map(id -> ", checkpoint " + id).orElse(", no change"))));
        consolidation
                .lastFailure()
                .ifPresent(f ->
                        sb.append(" Degraded: the last scheduled run failed: ").append(f));
        if (!access.engineWideAllowed()) {
            sb.append(' ').append(access.lockedReason());
        }
        consolidationStatus.setText(sb.toString());
    }

    static String ago(Duration d) {
        if (d.isNegative() || d.toMinutes() < 1) {
            return d.isNegative() ? "0 min" : d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " days";
    }
}
