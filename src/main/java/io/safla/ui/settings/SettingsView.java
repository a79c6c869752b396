package io.safla.ui.settings;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.safla.memory.StorageUnavailableException;
import io.safla.memory.WritesFrozenException;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.settings.EngineSettings;
import io.safla.settings.SettingsChange;
import io.safla.settings.service.SettingsService;
import io.safla.ui.kit.OperatorAccess;
import io.safla.ui.kit.ViewHeader;
import io.safla.ui.kit.VisitorActions;
import io.safla.ui.kit.VisitorPreferences;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

@Route("settings")
@PageTitle("Settings | SAFLA")
@Menu(order = 4, icon = "vaadin:cog", title = "Settings")
class SettingsView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SettingsService settings;
    private final VisitorActions actions;
    private final OperatorAccess access;
    final ComboBox<String> dimension = new ComboBox<>("Vector dimension and embedder");
    final IntegerField capacity = new IntegerField("Memory capacity");
    final NumberField threshold = new NumberField("Default minimum score");
    final ComboBox<String> safetyLevel = new ComboBox<>("Safety level");
    final IntegerField cacheSize = new IntegerField("Search cache size");
    final IntegerField cacheTtl = new IntegerField("Search cache lifetime (s)");
    final IntegerField threads = new IntegerField("Search threads");
    final IntegerField batchSize = new IntegerField("Embedding batch size");
    final IntegerField retention = new IntegerField("Episodic retention (days)");
    final NumberField importance = new NumberField("Consolidation importance threshold");
    final IntegerField consolidationInterval = new IntegerField("Consolidation schedule (minutes)");
    final UnorderedList impact = new UnorderedList();
    final Button apply = new Button("Apply");
    final Button reset = new Button("Reset to start-up values");
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Grid<SettingsChange> history = new Grid<>();
    final Span lock = new Span();

    final PreferencesPanel preferences;

    SettingsView(
            SettingsService settings,
            VisitorActions actions,
            OperatorAccess access,
            VisitorPreferences visitorPreferences) {
        this.settings = settings;
        this.actions = actions;
        this.access = access;
        setId("settings-view");
        add(new ViewHeader(
                "Settings",
                "Your own view preferences, then the engine's settings with their allowed"
                        + " ranges. Every engine change is previewed (measured on this server), checkpointed first so it can be"
                        + " rolled back, and recorded below."));
        preferences = new PreferencesPanel(visitorPreferences);
        H3 engineTitle = new H3("Engine settings (for every visitor)");
        engineTitle.setId("engine-settings-title");
        lock.setId("settings-lock");
        lock.addClassName("degraded-banner");
        lock.setText(access.lockedReason() + " Until then the settings are read-only.");
        lock.setVisible(!access.engineWideAllowed());
        add(
                preferences,
                engineTitle,
                lock,
                createForm(),
                new H3("Impact of the change"),
                impact,
                createActions(),
                new H3("History"),
                createHistory());
        show(settings.current());
    }

    private FormLayout createForm() {
        dimension.setId("setting-dimension");
        dimension.setItems("384", "512", "768", "1024", "1536");
        dimension.setItemLabelGenerator(d -> d.equals("384") ? "384 (all-MiniLM-L6-v2)" : d + " (hashing embedder)");
        dimension.setHelperText("384, 512, 768, 1024 or 1536; a change re-embeds every memory");
        capacity.setId("setting-capacity");
        capacity.setMin(10);
        capacity.setMax(10_000);
        capacity.setHelperText("10 – 10 000 memories");
        threshold.setId("setting-threshold");
        threshold.setMin(0);
        threshold.setMax(1);
        threshold.setStep(0.05);
        threshold.setHelperText("0 – 1; where the Memory search starts for visitors without their own preference");
        safetyLevel.setId("setting-safety");
        safetyLevel.setItems("STRICT", "MODERATE", "PERMISSIVE");
        safetyLevel.setHelperText("Stricter runs more rules with lower thresholds");
        cacheSize.setId("setting-cache-size");
        cacheSize.setMin(10);
        cacheSize.setMax(10_000);
        cacheSize.setHelperText("10 – 10 000 results");
        cacheTtl.setId("setting-cache-ttl");
        cacheTtl.setMin(1);
        cacheTtl.setMax(86_400);
        cacheTtl.setHelperText("1 – 86 400 s (CACHE_TIMEOUT)");
        threads.setId("setting-threads");
        threads.setMin(1);
        threads.setMax(8);
        threads.setHelperText("1 – 8");
        batchSize.setId("setting-batch-size");
        batchSize.setMin(1);
        batchSize.setMax(256);
        batchSize.setHelperText("1 – 256 texts per embedder call in imports and re-embedding");
        retention.setId("setting-retention");
        retention.setMin(1);
        retention.setMax(3650);
        retention.setHelperText("1 – 3 650 days; older episodes are dropped when consolidation runs");
        importance.setId("setting-importance");
        importance.setMin(0);
        importance.setMax(1);
        importance.setStep(0.05);
        importance.setHelperText("0 – 1; episodes at least this important become concepts");
        consolidationInterval.setId("setting-consolidation-interval");
        consolidationInterval.setMin(0);
        consolidationInterval.setMax(1440);
        consolidationInterval.setHelperText("0 = off, or 1 – 1 440 minutes between runs");
        List<AbstractField<?, ?>> fields = List.of(
                dimension,
                capacity,
                threshold,
                safetyLevel,
                cacheSize,
                cacheTtl,
                threads,
                batchSize,
                retention,
                importance,
                consolidationInterval);
        for (AbstractField<?, ?> field : fields) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    preview();
                }
            });
            field.setReadOnly(!access.engineWideAllowed());
        }
        FormLayout form = new FormLayout(fields.toArray(Component[]::new));
        form.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("600px", 2),
                new FormLayout.ResponsiveStep("1000px", 3));
        return form;
    }

    private VerticalLayout createActions() {
        impact.setId("settings-impact");
        apply.setId("settings-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(access.engineWideAllowed());
        apply.addClickListener(e -> applyChanges());
        reset.setId("settings-reset");
        reset.setEnabled(access.engineWideAllowed());
        reset.addClickListener(e -> {
            show(settings.startup());
            preview();
        });
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = settings.export().getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "safla-settings.json", "application/json", bytes.length);
                }),
                "Export JSON");
        export.getElement().setAttribute("download", true);
        export.addClassName("download-link");
        Upload upload = new Upload();
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(64 * 1024);
        upload.setUploadButton(new Button("Import JSON"));
        upload.setDropAllowed(false);
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> importFile(bytes))));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.setVisible(access.engineWideAllowed());
        progress.setId("settings-progress");
        progress.setVisible(false);
        progressText.setId("settings-progress-text");
        HorizontalLayout buttons = new HorizontalLayout(apply, reset, export, upload);
        buttons.setAlignItems(FlexComponent.Alignment.CENTER);
        buttons.setWrap(true);
        VerticalLayout box = new VerticalLayout(buttons, progress, progressText);
        box.setPadding(false);
        return box;
    }

    private Grid<SettingsChange> createHistory() {
        history.setId("settings-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(c -> TIME.format(c.at())).setHeader("When (UTC)").setAutoWidth(true);
        history.addColumn(SettingsChange::setting).setHeader("Setting").setAutoWidth(true);
        history.addColumn(SettingsChange::before).setHeader("Before");
        history.addColumn(SettingsChange::after).setHeader("After");
        history.addColumn(SettingsChange::by).setHeader("By");
        history.setAllRowsVisible(true);
        history.setAriaLabel("History of settings changes");
        history.setEmptyStateText("No change since the server started.");
        history.setItems(settings.history());
        return history;
    }

    void show(EngineSettings s) {
        dimension.setValue(s.dimension());
        capacity.setValue(s.capacity());
        threshold.setValue(s.defaultThreshold());
        safetyLevel.setValue(s.safetyLevel());
        cacheSize.setValue(s.cacheSize());
        cacheTtl.setValue(s.cacheTtlSeconds());
        threads.setValue(s.searchThreads());
        batchSize.setValue(s.batchSize());
        retention.setValue(s.episodicRetentionDays());
        importance.setValue(s.importanceThreshold());
        consolidationInterval.setValue(s.consolidationIntervalMinutes());
        impact.removeAll();
        impact.add(new ListItem("No change."));
    }

    EngineSettings form() {
        return new EngineSettings(
                dimension.getValue(),
                valueOr(capacity.getValue(), -1),
                threshold.getValue() == null ? -1 : threshold.getValue(),
                safetyLevel.getValue(),
                valueOr(cacheSize.getValue(), -1),
                valueOr(cacheTtl.getValue(), -1),
                valueOr(threads.getValue(), -1),
                valueOr(batchSize.getValue(), -1),
                valueOr(retention.getValue(), -1),
                importance.getValue() == null ? -1 : importance.getValue(),
                valueOr(consolidationInterval.getValue(), -1));
    }

    private static int valueOr(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** Marks invalid fields; returns whether the form is valid. */
    boolean markErrors(EngineSettings next) {
        Map<String, String> errors = settings.validate(next);
        mark(dimension, errors.get("dimension"));
        mark(capacity, errors.get("capacity"));
        mark(threshold, errors.get("defaultThreshold"));
        mark(safetyLevel, errors.get("safetyLevel"));
        mark(cacheSize, errors.get("cacheSize"));
        mark(cacheTtl, errors.get("cacheTtlSeconds"));
        mark(threads, errors.get("searchThreads"));
        mark(batchSize, errors.get("batchSize"));
        mark(retention, errors.get("episodicRetentionDays"));
        mark(importance, errors.get("importanceThreshold"));
        mark(consolidationInterval, errors.get("consolidationIntervalMinutes"));
        return errors.isEmpty();
    }

    static void mark(HasValidation field, String error) {
        field.setInvalid(error != null);
        field.setErrorMessage(error == null ? "" : error);
    }

    void preview() {
        EngineSettings next = form();
        impact.removeAll();
        if (!markErrors(next)) {
            impact.add(new ListItem("Correct the highlighted values to see the impact."));
            return;
        }
        try {
            SettingsService.Impact preview = settings.preview(next);
            if (preview.none()) {
                impact.add(new ListItem("No change."));
            }
            preview.lines().forEach(line -> impact.add(new ListItem(line)));
        } catch (EngineUnavailableException e) {
            impact.add(new ListItem("Degraded: " + e.getMessage()));
        }
    }

    void applyChanges() {
        if (!access.engineWideAllowed()) {
            error(access.lockedReason());
            return;
        }
        EngineSettings next = form();
        if (!markErrors(next)) {
            error("Not applied: please correct the highlighted values.");
            return;
        }
        UI ui = UI.getCurrent();
        actions.run("settings.apply", () -> {
            try {
                progress.setVisible(true);
                progress.setValue(0);
                List<SettingsChange> changes =
                        settings.apply(next, access.unlocked() ? "operator" : "visitor", percent -> {
                            progress.setValue(percent / 100.0);
                            progressText.setText("Re-embedding: " + percent + " %");
                            ui.push();
                        });
                progress.setVisible(false);
                progressText.setText(
                        changes.isEmpty()
                                ? "Nothing to apply."
                                : "Applied " + changes.size() + " change(s); a checkpoint was taken first.");
                history.setItems(settings.history());
                show(settings.current());
                Notification.show(
                                changes.isEmpty() ? "No change to apply" : "Settings applied",
                                3000,
                                Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (EngineUnavailableException
                    | WritesFrozenException
                    | StorageUnavailableException
                    | IllegalArgumentException e) {
                progress.setVisible(false);
                error(e.getMessage());
            }
        });
    }

    void importFile(byte[] bytes) {
        try {
            show(settings.parse(bytes));
            preview();
            Notification.show(
                    "Imported into the form: review the impact, then Apply", 4000, Notification.Position.BOTTOM_END);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
