package io.safla.ui.settings;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import io.safla.safety.SafetyLevel;
import io.safla.ui.kit.ViewPreferences;
import io.safla.ui.kit.VisitorPreferences;
import java.util.Locale;
import java.util.Map;

/**
 * "Your view preferences": what only this visitor sees, so it works without the operator token. Saved in the session
 * and in this browser; Reset returns to the defaults (the system theme and the engine's current defaults).
 */
class PreferencesPanel extends VerticalLayout {

    private final VisitorPreferences preferences;
    final Select<ViewPreferences.Theme> theme = new Select<>();
    final IntegerField resultCount = new IntegerField("Memory search: results (k)");
    final NumberField threshold = new NumberField("Memory search: minimum score");
    final Select<SafetyLevel> safetyLevel = new Select<>();
    final Checkbox compact = new Checkbox("Compact density (smaller controls and spacing)");
    final Button save = new Button("Save preferences");
    final Button reset = new Button("Reset preferences");
    final Span state = new Span();
    private Registration applied;

    PreferencesPanel(VisitorPreferences preferences) {
        this.preferences = preferences;
        setId("preferences");
        addClassName("preferences-section");
        setPadding(false);
        H3 title = new H3("Your view preferences");
        title.setId("preferences-title");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "preferences-title");
        Paragraph intro = new Paragraph("Only for you, in this browser: they change nothing other visitors see, so"
                + " they always work, even when the engine settings below are read-only.");
        intro.addClassName("view-intro");
        add(title, intro, createForm(), createActions());
        show(preferences.current());
    }

    private FormLayout createForm() {
        theme.setLabel("Theme");
        theme.setId("pref-theme");
        theme.setItems(ViewPreferences.Theme.values());
        theme.setItemLabelGenerator(ViewPreferences.Theme::label);
        resultCount.setId("pref-k");
        resultCount.setMin(1);
        resultCount.setMax(ViewPreferences.MAX_RESULT_COUNT);
        resultCount.setStepButtonsVisible(true);
        resultCount.setHelperText("1 – " + ViewPreferences.MAX_RESULT_COUNT);
        threshold.setId("pref-threshold");
        threshold.setMin(0);
        threshold.setMax(1);
        threshold.setStep(0.05);
        threshold.setHelperText("0 – 1, on the metric's scale");
        safetyLevel.setLabel("Safety playground: level");
        safetyLevel.setId("pref-safety");
        safetyLevel.setItems(SafetyLevel.values());
        safetyLevel.setItemLabelGenerator(
                l -> l.name().charAt(0) + l.name().substring(1).toLowerCase(Locale.ROOT));
        compact.setId("pref-compact");
        FormLayout form = new FormLayout(theme, resultCount, threshold, safetyLevel, compact);
        form.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("600px", 2),
                new FormLayout.ResponsiveStep("1000px", 4));
        return form;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // the header's theme switch and a copy restored from the browser change the preferences too
        applied = VisitorPreferences.addAppliedListener(event.getUI(), e -> show(e.preferences()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        applied.remove();
        super.onDetach(event);
    }

    private HorizontalLayout createActions() {
        save.setId("pref-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveForm());
        reset.setId("pref-reset");
        reset.addClickListener(e -> {
            preferences.reset();
            show(preferences.current());
            Notification.show("View preferences reset to the defaults", 3000, Notification.Position.BOTTOM_END);
        });
        state.setId("pref-state");
        state.addClassName("search-summary");
        HorizontalLayout actions = new HorizontalLayout(save, reset, state);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        return actions;
    }

    void show(ViewPreferences p) {
        theme.setValue(p.theme());
        resultCount.setValue(p.resultCount());
        threshold.setValue(p.threshold());
        safetyLevel.setValue(p.safetyLevel());
        compact.setValue(p.compact());
        SettingsView.mark(resultCount, null);
        SettingsView.mark(threshold, null);
        state.setText(preferences.saved() ? "Saved in this browser." : "Not saved: the defaults apply.");
    }

    void saveForm() {
        Map<String, String> problems = ViewPreferences.problems(resultCount.getValue(), threshold.getValue());
        SettingsView.mark(resultCount, problems.get("resultCount"));
        SettingsView.mark(threshold, problems.get("threshold"));
        if (!problems.isEmpty()) {
            SettingsView.error("Preferences not saved: please correct the highlighted values.");
            return;
        }
        preferences.save(new ViewPreferences(
                theme.getValue() == null ? ViewPreferences.Theme.SYSTEM : theme.getValue(),
                resultCount.getValue(),
                threshold.getValue(),
                safetyLevel.getValue() == null ? SafetyLevel.DEFAULT : safetyLevel.getValue(),
                compact.getValue()));
        show(preferences.current());
        Notification.show("View preferences saved", 3000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
