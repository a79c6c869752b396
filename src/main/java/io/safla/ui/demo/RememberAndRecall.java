package io.safla.ui.demo;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.demo.service.DemoService;
import io.safla.demo.service.RecallSandbox;
import io.safla.memory.MemoryItem;
import io.safla.memory.SearchResult;
import io.safla.ui.kit.VisitorActions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Store facts, recall them with a question, see the scores, the cache, and what an unrelated question gets. */
class RememberAndRecall extends Scenario {

    static final String FACTS = String.join(
            "\n",
            "The transformer architecture relates every token to every other token with self-attention.",
            "Reinforcement learning agents improve a policy from the rewards they receive.",
            "Gradient descent moves model weights against the gradient of the loss.",
            "A vector database answers nearest-neighbour queries over embeddings.",
            "Dropout randomly zeroes activations during training to reduce overfitting.");

    private final DemoService demo;
    final TextArea facts = new TextArea("Facts to remember (one per line)");
    final TextField question = new TextField("Question");
    final TextField unrelated = new TextField("An unrelated question");
    private @Nullable RecallSandbox sandbox;

    RememberAndRecall(DemoService demo, VisitorActions actions) {
        super(
                "recall",
                "The memory embeds each fact with all-MiniLM-L6-v2 and finds them again by meaning, not by"
                        + " matching words. The original demo's search always returned nothing; here every score is computed"
                        + " as you watch, in a private sandbox that only you see.",
                actions);
        this.demo = demo;
        build();
    }

    @Override
    Component inputs() {
        facts.setValue(FACTS);
        facts.setWidthFull();
        facts.setMaxLength(5000);
        facts.setId("recall-facts");
        question.setValue("Which model lets each word look at all the other words?");
        question.setMaxLength(1000);
        question.setId("recall-question");
        unrelated.setValue("What is a good recipe for chocolate cake?");
        unrelated.setMaxLength(1000);
        FormLayout form = new FormLayout(facts, question, unrelated);
        form.setColspan(facts, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        return form;
    }

    @Override
    void reset() {
        sandbox = null;
    }

    private List<String> factList() {
        return Arrays.stream(facts.getValue().split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private String text(TextField field) {
        String value = field.getValue() == null ? "" : field.getValue().strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field.getLabel() + " must not be empty");
        }
        return value;
    }

    @Override
    List<Step> plan() {
        return List.of(
                new Step(
                        "Create a private memory",
                        "A fresh engine with the same embedding model and search kernel as the main memory.",
                        () -> {
                            sandbox = demo.newRecall();
                            var stats = sandbox.stats();
                            return new Span("Empty memory: " + stats.dimension() + "-d vectors from " + stats.embedder()
                                    + ", kernel " + stats.kernel() + ".");
                        }),
                new Step(
                        "Store the facts",
                        "Each line is embedded into a 384-number vector, normalised and stored with its text.",
                        () -> {
                            RecallSandbox.Stored result = sandbox().store(factList());
                            List<MemoryItem> stored = result.items();
                            long ms = result.millis();
                            Grid<MemoryItem> grid = new Grid<>();
                            grid.setAriaLabel("Stored facts");
                            grid.addColumn(MemoryItem::id)
                                    .setHeader("Id")
                                    .setAutoWidth(true)
                                    .setFlexGrow(0);
                            grid.addColumn(MemoryItem::text).setHeader("Stored text");
                            grid.setItems(stored);
                            grid.setAllRowsVisible(true);
                            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
                            return new Div(
                                    new Span(stored.size() + " facts embedded and stored in " + ms + " ms."), grid);
                        }),
                new Step(
                        "Recall with a question",
                        "The question is embedded the same way; cosine similarity ranks the stored facts. The best"
                                + " match should be the fact that answers it, even without shared words.",
                        () -> results(sandbox().recall(text(question)))),
                new Step(
                        "Ask the same question again",
                        "Repeated searches are answered by a TTL cache keyed by the whole request; any write clears it.",
                        () -> results(sandbox().recall(text(question)))),
                new Step(
                        "Ask something unrelated",
                        "Unrelated text scores low. (The original demo's hash 'embeddings' gave any two texts 0.84 to"
                                + " 0.98.) A minimum score of 0.3 filters what is not relevant.",
                        () -> results(sandbox().recall(text(unrelated), 0.3))));
    }

    private RecallSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("restart the scenario");
        }
        return sandbox;
    }

    static Component results(SearchResult result) {
        Grid<SearchResult.Hit> grid = new Grid<>();
        grid.setAriaLabel("Recalled facts with their scores");
        grid.addColumn(h -> String.format(Locale.ROOT, "%.3f", h.score()))
                .setHeader("Score")
                .setKey("score")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(h -> h.item().text()).setHeader("Fact");
        grid.setItems(result.hits());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No fact scored above the minimum.");
        Span summary = new Span(result.hits().size() + " result(s) in " + result.tookMicros() + " µs"
                + (result.cached() ? ", answered by the cache" : ", computed"));
        summary.addClassName("scenario-summary");
        return new Div(summary, grid);
    }
}
