package io.safla.ui.memory;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.TimelineBucket;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.service.HybridMemoryService.Valence;
import io.safla.ui.kit.EChart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The episodic timeline: counts per time bucket stacked by kind, filtered by kind, valence and range; the episodes. */
class MemoryTimelinePanel extends HybridPanel {

    static final Map<String, Duration> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("Last 24 hours", Duration.ofDays(1));
        RANGES.put("Last 7 days", Duration.ofDays(7));
        RANGES.put("Last 30 days", Duration.ofDays(30));
        RANGES.put("Last 90 days", Duration.ofDays(90));
        RANGES.put("Last 365 days", Duration.ofDays(365));
    }

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);
    private static final Map<EpisodeKind, String> COLOURS = Map.of(
            EpisodeKind.LEARNING,
            "#3b82f6",
            EpisodeKind.SAFETY,
            "#ef4444",
            EpisodeKind.PERFORMANCE,
            "#f59e0b",
            EpisodeKind.USER_INTERACTION,
            "#10b981");

    private final Clock clock;
    final CheckboxGroup<EpisodeKind> kinds = new CheckboxGroup<>("Kinds");
    final ComboBox<Valence> valence = new ComboBox<>("Emotion (valence)");
    final ComboBox<String> range = new ComboBox<>("Time range");
    final Span summary = new Span();
    final EChart chart = new EChart();
    final Grid<Episode> episodes = new Grid<>();

    MemoryTimelinePanel(HybridMemoryService hybrid, Clock clock) {
        super(hybrid, "timeline-status");
        this.clock = clock;
        kinds.setId("timeline-kinds");
        kinds.setItems(EpisodeKind.values());
        kinds.setItemLabelGenerator(MemoryTimelinePanel::label);
        kinds.setValue(EnumSet.allOf(EpisodeKind.class));
        valence.setId("timeline-valence");
        valence.setItems(Valence.values());
        valence.setItemLabelGenerator(v -> switch (v) {
            case ANY -> "Any";
            case POSITIVE -> "Positive (> 0)";
            case NEGATIVE -> "Negative (< 0)";
            case NEUTRAL -> "Neutral (= 0)";
            case STRONG -> "Strong, good or bad (|v| ≥ 0.5)";
        });
        valence.setValue(Valence.ANY);
        range.setId("timeline-range");
        range.setItems(RANGES.keySet());
        range.setValue("Last 30 days");
        kinds.addValueChangeListener(e -> refresh());
        valence.addValueChangeListener(e -> refresh());
        range.addValueChangeListener(e -> refresh());
        FormLayout form = new FormLayout(kinds, valence, range);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        summary(summary, "timeline-summary");
        chart.setId("timeline-chart");
        chart.setHeight("300px");
        episodes.setId("timeline-episodes");
        episodes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        episodes.addColumn(e -> HOUR.format(e.occurredAt()))
                .setHeader("When (UTC)")
                .setKey("when")
                .setAutoWidth(true)
                .setFlexGrow(0);
        episodes.addColumn(e -> label(e.kind()))
                .setHeader("Kind")
                .setKey("kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        episodes.addColumn(e -> String.format(Locale.ROOT, "%+.2f", e.valence()))
                .setHeader("Valence")
                .setKey("valence")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        episodes.addColumn(Episode::text).setHeader("Episode").setKey("text").setFlexGrow(1);
        episodes.setHeight("360px");
        episodes.setEmptyStateText("No episode matches these filters.");
        add(form, summary, chart, episodes);
        refresh();
    }

    static String label(EpisodeKind kind) {
        String s = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    void refresh() {
        if (!checkReady()) {
            return;
        }
        if (kinds.getValue().isEmpty()) {
            summary.setText("Choose at least one kind.");
            episodes.setItems();
            return;
        }
        Duration span = RANGES.getOrDefault(range.getValue(), Duration.ofDays(30));
        Instant to = clock.instant();
        Instant from = to.minus(span);
        int buckets = span.compareTo(Duration.ofDays(1)) <= 0 ? 24 : (int) Math.min(60, span.toDays());
        try {
            HybridMemoryService.Timeline timeline = hybrid.timeline(
                    from, to, kinds.getValue(), valence.getValue() == null ? Valence.ANY : valence.getValue(), buckets);
            episodes.setItems(timeline.episodes());
            summary.setText(timeline.episodes().size() + " episodes in "
                    + range.getValue().toLowerCase(Locale.ROOT) + ", " + buckets + " buckets of "
                    + describe(span.dividedBy(buckets)) + ".");
            chart.setOption(option(timeline, span.compareTo(Duration.ofDays(1)) <= 0 ? HOUR : DAY));
        } catch (EngineUnavailableException | IllegalArgumentException e) {
            summary.setText("Degraded: " + e.getMessage());
        }
    }

    private ObjectNode option(HybridMemoryService.Timeline timeline, DateTimeFormatter format) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip")
                .put("trigger", "axis")
                .put("renderMode", "richText")
                .put("confine", true);
        option.putObject("legend").put("top", 0).put("type", "scroll");
        option.putObject("grid").put("left", 32).put("right", 8).put("top", 36).put("bottom", 40);
        ArrayNode x = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        for (TimelineBucket b : timeline.buckets()) {
            x.add(format.format(b.start()));
        }
        ArrayNode series = option.putArray("series");
        for (EpisodeKind kind : EpisodeKind.values()) {
            if (!kinds.getValue().contains(kind)) {
                continue;
            }
            ObjectNode s =
                    series.addObject().put("type", "bar").put("stack", "kinds").put("name", label(kind));
            s.putObject("itemStyle").put("color", COLOURS.get(kind));
            ArrayNode data = s.putArray("data");
            timeline.buckets().forEach(b -> data.add(b.counts().get(kind)));
        }
        return option;
    }

    private static String describe(Duration d) {
        long hours = d.toHours();
        if (hours >= 24 && hours % 24 == 0) {
            return hours == 24 ? "1 day" : hours / 24 + " days";
        }
        return hours >= 1 ? hours + " h" : d.toMinutes() + " min";
    }
}
