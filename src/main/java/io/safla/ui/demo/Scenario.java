package io.safla.ui.demo;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.ui.kit.VisitorActions;
import java.util.List;
import java.util.function.Supplier;

/**
 * A guided scenario: numbered steps, each with a plain-language explanation and the live result of running it on
 * the real engine, shown side by side as the visitor steps through; inputs can be changed and the scenario rerun.
 */
abstract class Scenario extends VerticalLayout {

    /** One step: what it does, why, and the work that produces its result. */
    record Step(String title, String explanation, Supplier<Component> run) {}

    private final String key;
    private final VisitorActions actions;
    final ProgressBar progress = new ProgressBar();
    final Span position = new Span();
    final Div steps = new Div();
    final Button next = new Button("Next step");
    final Button runAll = new Button("Run all steps");
    final Button restart = new Button("Restart");
    private List<Step> plan = List.of();
    private int done;
    private final Paragraph about;

    Scenario(String key, String intro, VisitorActions actions) {
        this.key = key;
        this.actions = actions;
        setPadding(false);
        setId("scenario-" + key);
        about = new Paragraph(intro);
        about.addClassName("view-intro");
        next.setId(key + "-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> step());
        runAll.setId(key + "-run-all");
        runAll.addClickListener(e -> {
            while (done < plan().size() && step()) {
                // each step reports its own failure; stop at the first
            }
        });
        restart.setId(key + "-restart");
        restart.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        restart.addClickListener(e -> restart());
        progress.setId(key + "-progress");
        position.setId(key + "-position");
        HorizontalLayout controls = new HorizontalLayout(next, runAll, restart, position);
        controls.setAlignItems(FlexComponent.Alignment.CENTER);
        controls.setWrap(true);
        steps.addClassName("scenario-steps");
        steps.setId(key + "-steps");
        this.controls = controls;
    }

    private final HorizontalLayout controls;

    /** Called by each scenario at the end of its constructor, once its own fields exist. */
    final void build() {
        add(about, inputs(), controls, progress, steps);
        showPosition();
    }

    /** The editable inputs of this scenario. */
    abstract Component inputs();

    /** The steps for the current inputs; called at the start of every run. */
    abstract List<Step> plan();

    /** Clears per-run state (sandbox, results) before a rerun. */
    abstract void reset();

    private List<Step> planned() {
        if (plan.isEmpty()) {
            plan = plan();
        }
        return plan;
    }

    /** Runs the next step; returns false when it failed or the scenario is complete. */
    boolean step() {
        List<Step> all = planned();
        if (done >= all.size()) {
            return false;
        }
        Step step = all.get(done);
        boolean[] ok = {false};
        actions.run("demo." + key, () -> {
            try {
                Component result = step.run().get();
                steps.add(card(done + 1, step, result));
                done++;
                ok[0] = true;
            } catch (EngineUnavailableException e) {
                error("Degraded: " + e.getMessage());
            } catch (RuntimeException e) {
                error("Step " + (done + 1) + " failed: " + e.getMessage());
            }
        });
        showPosition();
        return ok[0];
    }

    void restart() {
        reset();
        plan = List.of();
        done = 0;
        steps.removeAll();
        showPosition();
    }

    int done() {
        return done;
    }

    private void showPosition() {
        int total = planned().size();
        progress.setValue(total == 0 ? 0 : (double) done / total);
        position.setText(
                done == total
                        ? "All " + total + " steps done: change the inputs and restart to try again"
                        : "Step " + (done + 1) + " of " + total + ": "
                                + planned().get(done).title());
        next.setEnabled(done < total);
        runAll.setEnabled(done < total);
    }

    private static Div card(int number, Step step, Component result) {
        H4 title = new H4(number + ". " + step.title());
        Paragraph why = new Paragraph(step.explanation());
        why.addClassName("step-explanation");
        Div text = new Div(title, why);
        text.addClassName("step-text");
        Div live = new Div(result);
        live.addClassName("step-result");
        Div card = new Div(text, live);
        card.addClassName("step-card");
        card.getElement().setAttribute("data-step", String.valueOf(number));
        return card;
    }

    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
