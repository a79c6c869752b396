package io.safla.ui.memory;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.cognition.service.FeedbackLoopService;
import io.safla.cognition.service.UnknownItemException;
import io.safla.memory.MemoryItem;
import io.safla.memory.MemoryType;
import io.safla.memory.SearchRequest;
import io.safla.memory.SearchResult;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.memory.service.MemoryService;
import io.safla.memory.vector.Metric;
import io.safla.ui.kit.ViewPreferences;
import io.safla.ui.kit.VisitorActions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The search playground: a typed query, k, threshold, type and metric; scored rows, latency, cache, find similar. */
class MemorySearchPanel extends VerticalLayout {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final MemoryService memory;
    private final VisitorActions actions;
    private final FeedbackLoopService feedback;
    /** The query whose results are shown; null for "similar to", which has no query to learn from. */
    private @Nullable String shownQuery;

    final TextField query = new TextField("Query");
    final IntegerField k = new IntegerField("Results (k)");
    final NumberField threshold = new NumberField("Minimum score");
    final ComboBox<String> type = new ComboBox<>("Memory type");
    final ComboBox<Metric> metric = new ComboBox<>("Metric");
    final Button search = new Button("Search");
    final Span summary = new Span();
    final Grid<SearchResult.Hit> results = new Grid<>();

    MemorySearchPanel(MemoryService memory, VisitorActions actions, FeedbackLoopService feedback) {
        this.memory = memory;
        this.actions = actions;
        this.feedback = feedback;
        setPadding(false);
        add(createForm(), summary, createGrid());
        summary.setId("search-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.addClassName("search-summary");
    }

    private FormLayout createForm() {
        query.setId("search-query");
        query.setPlaceholder("e.g. how do transformers use attention?");
        query.setMaxLength(SearchRequest.MAX_QUERY_LENGTH);
        query.setClearButtonVisible(true);
        query.setHelperText("Typed straight in; embedded on the server");
        k.setId("search-k");
        k.setMin(1);
        k.setMax(SearchRequest.MAX_K);
        k.setValue(10);
        k.setStepButtonsVisible(true);
        k.setHelperText("1 – 100");
        threshold.setId("search-threshold");
        threshold.setMin(0);
        threshold.setMax(1);
        threshold.setStep(0.05);
        threshold.setValue(0.0);
        threshold.setHelperText("0 – 1, on the metric's scale");
        type.setItems("all", "vector", "episodic", "semantic", "working");
        type.setValue("all");
        metric.setItems(Metric.values());
        metric.setItemLabelGenerator(m -> m.name().toLowerCase(Locale.ROOT));
        metric.setValue(Metric.COSINE);
        search.setId("search-button");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> runSearch());
        search.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(query, k, threshold, type, metric, search);
        form.setColspan(query, 2);
        form.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("600px", 3),
                new FormLayout.ResponsiveStep("1000px", 6));
        return form;
    }

    private Grid<SearchResult.Hit> createGrid() {
        results.setId("search-results");
        results.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        results.addColumn(h -> String.format(Locale.ROOT, "%.3f", h.score()))
                .setHeader("Score")
                .setKey("score")
                .setWidth("6em")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        results.addComponentColumn(h -> typeBadge(h.item().type()))
                .setHeader("Type")
                .setWidth("8em")
                .setFlexGrow(0);
        results.addColumn(h -> h.item().text()).setHeader("Text").setFlexGrow(1);
        results.addComponentColumn(h -> {
                    Button similar = new Button("Similar", e -> findSimilar(h.item()));
                    similar.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    similar.setAriaLabel(
                            "Find memories similar to: " + abbreviate(h.item().text()));
                    return similar;
                })
                .setHeader("")
                .setKey("similar")
                .setWidth("7em")
                .setFlexGrow(0);
        results.addComponentColumn(this::thumbs)
                .setHeader("Relevant?")
                .setKey("feedback")
                .setWidth("8em")
                .setFlexGrow(0);
        results.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(h -> details(h.item())));
        results.setAllRowsVisible(true);
        results.setAriaLabel("Search results");
        results.setEmptyStateText("No results yet: type a query and press Search.");
        return results;
    }

    /** Where the form starts: the visitor's k and minimum score. */
    void startFrom(ViewPreferences preferences) {
        k.setValue(preferences.resultCount());
        threshold.setValue(preferences.threshold());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Thumbs up/down: relevance feedback for the feedback loop, on results of a typed query only. */
    private HorizontalLayout thumbs(SearchResult.Hit hit) {
        Button up = new Button(VaadinIcon.THUMBS_UP.create(), e -> sendFeedback(hit.item(), true));
        Button down = new Button(VaadinIcon.THUMBS_DOWN.create(), e -> sendFeedback(hit.item(), false));
        up.setAriaLabel("Relevant to the query: " + abbreviate(hit.item().text()));
        down.setAriaLabel("Not relevant to the query: " + abbreviate(hit.item().text()));
        up.addClassName("feedback-up");
        down.addClassName("feedback-down");
        for (Button b : List.of(up, down)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            b.setEnabled(shownQuery != null);
        }
        HorizontalLayout both = new HorizontalLayout(up, down);
        both.setSpacing(false);
        return both;
    }

    void sendFeedback(MemoryItem item, boolean relevant) {
        String q = shownQuery;
        if (q == null) {
            error("Feedback needs a typed query; \u201csimilar to\u201d results have none.");
            return;
        }
        actions.run("memory.feedback", () -> {
            try {
                FeedbackLoopService.FeedbackOutcome outcome = feedback.feedback(q, item.id(), relevant);
                Notification.show(outcome.message(), 6000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(
                                "KEPT".equals(outcome.outcome())
                                        ? NotificationVariant.LUMO_SUCCESS
                                        : NotificationVariant.LUMO_CONTRAST);
            } catch (EngineUnavailableException | UnknownItemException e) {
                error(e.getMessage());
            }
        });
    }

    static Span typeBadge(MemoryType type) {
        Span badge = new Span(type.label());
        badge.getElement().getThemeList().add("badge");
        badge.addClassName("type-" + type.label());
        return badge;
    }

    static Div details(MemoryItem item) {
        Div details = new Div();
        details.addClassName("memory-details");
        details.add(
                new Span("id " + item.id()),
                new Span("created " + TIME.format(item.createdAt()) + " UTC"),
                new Span(String.format(Locale.ROOT, "importance %.2f", item.importance())),
                new Span(item.tags().isEmpty() ? "no tags" : "tags " + String.join(", ", item.tags())));
        item.metadata().forEach((k, v) -> details.add(new Span(k + ": " + v)));
        return details;
    }

    private static void showProblem(HasValidation field, @Nullable String problem) {
        field.setInvalid(problem != null);
        if (problem != null) {
            field.setErrorMessage(Character.toUpperCase(problem.charAt(0)) + problem.substring(1));
        }
    }

    void runSearch() {
        String text = query.getValue() == null ? "" : query.getValue().strip();
        Map<String, String> problems = SearchRequest.problems(text, k.getValue(), threshold.getValue());
        showProblem(query, problems.get("query"));
        showProblem(k, problems.get("k"));
        showProblem(threshold, problems.get("threshold"));
        if (!problems.isEmpty()) {
            error("Please correct the highlighted fields.");
            return;
        }
        Set<MemoryType> types = "all".equals(type.getValue()) || type.getValue() == null
                ? Set.of()
                : Set.of(MemoryType.parse(type.getValue()));
        SearchRequest request = new SearchRequest(
                text,
                k.getValue(),
                threshold.getValue(),
                types,
                metric.getValue() == null ? Metric.COSINE : metric.getValue(),
                Set.of(),
                null,
                null);
        actions.run("memory.search", () -> {
            try {
                show(memory.search(request), "\u201c" + text + "\u201d", text);
            } catch (EngineUnavailableException e) {
                error("Degraded: " + e.getMessage());
            }
        });
    }

    void findSimilar(MemoryItem item) {
        actions.run("memory.similar", () -> {
            try {
                SearchRequest shape = new SearchRequest(
                        item.text().length() > 1000 ? item.text().substring(0, 1000) : item.text(),
                        k.getValue() == null ? 10 : k.getValue(),
                        0,
                        Set.of(),
                        metric.getValue() == null ? Metric.COSINE : metric.getValue(),
                        Set.of(),
                        null,
                        null);
                show(memory.similarTo(item.id(), shape), "similar to " + item.id(), null);
            } catch (EngineUnavailableException | IllegalArgumentException e) {
                error(e.getMessage());
            }
        });
    }

    private void show(SearchResult result, String what, @Nullable String typedQuery) {
        shownQuery = typedQuery;
        List<SearchResult.Hit> hits = result.hits();
        results.setItems(hits);
        summary.setText(hits.size() + " result" + (hits.size() == 1 ? "" : "s") + " for " + what + " in "
                + result.tookMicros() + " \u00b5s" + (result.cached() ? " (answered by the cache)" : ""));
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
