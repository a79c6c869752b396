package io.safla.ui.memory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.safla.checkpoint.service.CheckpointService;
import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryFullException;
import io.safla.memory.MemoryItem;
import io.safla.memory.MemoryType;
import io.safla.memory.NewMemory;
import io.safla.memory.Origin;
import io.safla.memory.SafeText;
import io.safla.memory.StorageUnavailableException;
import io.safla.memory.WritesFrozenException;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.memory.service.ImportTooLargeException;
import io.safla.memory.service.MemoryService;
import io.safla.memory.service.OperatorRequiredException;
import io.safla.memory.service.WritePolicy;
import io.safla.ui.kit.OperatorAccess;
import io.safla.ui.kit.VisitorActions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The memory browser: filters, paging, add form, bulk delete with confirmation, export and import. Deleting and
 * importing follow {@link WritePolicy}: on a public deployment they are disabled until the operator unlocks, and a
 * note says why.
 */
class MemoryBrowserPanel extends VerticalLayout {

    /** What the add form submits; the seed's rules for interactive input. */
    record AddForm(
            @NotBlank(message = "Type the text to remember")
            @Size(max = 1000, message = "At most 1 000 characters")
            @SafeText
            String text,

            @NotNull(message = "Choose a type") MemoryType type,

            @Size(max = 20, message = "At most 20 tags")
            Set<@Size(max = 64, message = "Tags are at most 64 characters") String> tags,

            @NotNull(message = "Between 0 and 1")
            @DecimalMin(value = "0.0", message = "Between 0 and 1")
            @DecimalMax(value = "1.0", message = "Between 0 and 1")
            Double importance) {}

    private final MemoryService memory;
    private final CheckpointService checkpoints;
    private final VisitorActions actions;
    private final Validator validator;
    private final WritePolicy policy;
    private final OperatorAccess access;
    final Span accessNote = new Span();
    final Upload upload = new Upload();
    final ComboBox<String> typeFilter = new ComboBox<>("Type");
    final TextField tagFilter = new TextField("Tag");
    final NumberField minImportance = new NumberField("Importance at least");
    final DatePicker from = new DatePicker("Created from");
    final DatePicker to = new DatePicker("Created until");
    final Grid<MemoryItem> grid = new Grid<>();
    final Span count = new Span();
    final Button deleteSelected = new Button("Delete selected");
    final TextArea newText = new TextArea("Text");
    final ComboBox<MemoryType> newType = new ComboBox<>("Type");
    final TextField newTags = new TextField("Tags");
    final NumberField newImportance = new NumberField("Importance");
    final Button add = new Button("Add memory");

    MemoryBrowserPanel(
            MemoryService memory,
            CheckpointService checkpoints,
            VisitorActions actions,
            Validator validator,
            WritePolicy policy,
            OperatorAccess access) {
        this.memory = memory;
        this.checkpoints = checkpoints;
        this.actions = actions;
        this.validator = validator;
        this.policy = policy;
        this.access = access;
        setPadding(false);
        add(createFilters(), createToolbar(), createGrid(), createAddForm());
        refresh();
    }

    private FormLayout createFilters() {
        typeFilter.setItems("all", "vector", "episodic", "semantic", "working");
        typeFilter.setValue("all");
        tagFilter.setClearButtonVisible(true);
        minImportance.setMin(0);
        minImportance.setMax(1);
        minImportance.setStep(0.1);
        minImportance.setClearButtonVisible(true);
        minImportance.setHelperText("0 – 1");
        typeFilter.addValueChangeListener(e -> refresh());
        tagFilter.addValueChangeListener(e -> refresh());
        minImportance.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        FormLayout filters = new FormLayout(typeFilter, tagFilter, minImportance, from, to);
        filters.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("600px", 3),
                new FormLayout.ResponsiveStep("1000px", 5));
        return filters;
    }

    private HorizontalLayout createToolbar() {
        count.setId("browser-count");
        deleteSelected.setId("delete-selected");
        deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteSelected.setEnabled(false);
        deleteSelected.addClickListener(e -> confirmDelete());
        Anchor json = download("Export JSON", "safla-memory.json", "application/json", () -> memory.exportJson());
        Anchor csv = download(
                "Export CSV",
                "safla-memory.csv",
                "text/csv;charset=utf-8",
                () -> memory.exportCsv().getBytes(StandardCharsets.UTF_8));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(WritePolicy.MAX_IMPORT_BYTES);
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button("Import JSON"));
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> importFile(bytes))));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        boolean operator = policy.mayChangeOthers(caller());
        upload.setEnabled(operator);
        accessNote.setId("browser-access-note");
        accessNote.addClassName("lock-note");
        accessNote.setVisible(!operator);
        accessNote.setText(
                operator
                        ? ""
                        : "Deleting and importing memories need " + policy.reason() + " What you add is kept as yours"
                                + " in the visitors' share of the memory; when that share is full, the visitors' least"
                                + " recently used memories make room, never the operator's.");
        HorizontalLayout toolbar = new HorizontalLayout(count, deleteSelected, json, csv, upload, accessNote);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);
        return toolbar;
    }

    /** Who this session is to the write policy: the operator once unlocked (or off a public deployment). */
    private Origin caller() {
        return policy.caller(access.unlocked());
    }

    private static Anchor download(String label, String name, String type, java.util.function.Supplier<byte[]> body) {
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        byte[] bytes = body.get();
                        return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
                    } catch (EngineUnavailableException e) {
                        return DownloadResponse.error(503, e.getMessage());
                    }
                }),
                label);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("download-link");
        return anchor;
    }

    private Grid<MemoryItem> createGrid() {
        grid.setId("memory-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(i -> MemorySearchPanel.typeBadge(i.type()))
                .setHeader("Type")
                .setWidth("8em")
                .setFlexGrow(0);
        grid.addColumn(MemoryItem::text).setHeader("Text").setFlexGrow(1);
        grid.addColumn(i -> String.join(", ", i.tags()))
                .setHeader("Tags")
                .setWidth("10em")
                .setFlexGrow(0);
        grid.addColumn(i -> String.format(Locale.ROOT, "%.2f", i.importance()))
                .setHeader("Importance")
                .setWidth("7em")
                .setFlexGrow(0);
        grid.addColumn(i -> MemorySearchPanel.TIME.format(i.createdAt()))
                .setHeader("Created (UTC)")
                .setWidth("10em")
                .setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(MemorySearchPanel::details));
        grid.setPageSize(50);
        grid.setAriaLabel("Stored memories");
        grid.setHeight("480px");
        grid.addSelectionListener(e -> {
            deleteSelected.setEnabled(!e.getAllSelectedItems().isEmpty() && policy.mayChangeOthers(caller()));
            deleteSelected.setText(
                    e.getAllSelectedItems().isEmpty()
                            ? "Delete selected"
                            : "Delete " + e.getAllSelectedItems().size() + " selected");
        });
        return grid;
    }

    private Details createAddForm() {
        newText.setId("add-text");
        newText.setMaxLength(1000);
        newText.setHelperText("At most 1 000 characters");
        newText.setWidthFull();
        newType.setItems(MemoryType.values());
        newType.setItemLabelGenerator(MemoryType::label);
        newType.setValue(MemoryType.VECTOR);
        newTags.setHelperText("Comma-separated");
        newImportance.setMin(0);
        newImportance.setMax(1);
        newImportance.setStep(0.1);
        newImportance.setValue(0.5);
        newImportance.setHelperText("0 – 1");
        add.setId("add-button");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addMemory());
        FormLayout form = new FormLayout(newText, newType, newTags, newImportance, add);
        form.setColspan(newText, 4);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 4));
        Details details = new Details("Add a memory", form);
        details.setOpened(true);
        return details;
    }

    Predicate<MemoryItem> filter() {
        String type = typeFilter.getValue();
        String tag =
                tagFilter.getValue() == null ? "" : tagFilter.getValue().strip().toLowerCase(Locale.ROOT);
        Double importance = minImportance.getValue();
        LocalDate fromDate = from.getValue();
        LocalDate toDate = to.getValue();
        Instant fromInstant = fromDate == null ? null : fromDate.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant toInstant =
                toDate == null ? null : toDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return i -> (type == null || "all".equals(type) || i.type().label().equals(type))
                && (tag.isEmpty()
                        || i.tags().stream()
                                .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(tag)))
                && (importance == null || i.importance() >= importance)
                && (fromInstant == null || !i.createdAt().isBefore(fromInstant))
                && (toInstant == null || i.createdAt().isBefore(toInstant));
    }

    void refresh() {
        if (!memory.ready()) {
            count.setText("Degraded: " + memory.stateReason());
            grid.setItems(List.of());
            return;
        }
        Predicate<MemoryItem> filter = filter();
        int total = memory.list(filter).size();
        count.setText(total + " of " + memory.size() + " memories");
        grid.setItems(
                query -> memory.list(filter).stream().skip(query.getOffset()).limit(query.getLimit()),
                query -> memory.list(filter).size());
        grid.deselectAll();
    }

    void addMemory() {
        Set<String> tags = Arrays.stream(
                        newTags.getValue() == null
                                ? new String[0]
                                : newTags.getValue().split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        AddForm form = new AddForm(
                newText.getValue() == null ? "" : newText.getValue().strip(),
                newType.getValue(),
                tags,
                newImportance.getValue());
        Set<ConstraintViolation<AddForm>> violations = validator.validate(form);
        newText.setInvalid(false);
        newImportance.setInvalid(false);
        newTags.setInvalid(false);
        if (!violations.isEmpty()) {
            for (ConstraintViolation<AddForm> v : violations) {
                String field = v.getPropertyPath().iterator().next().getName();
                switch (field) {
                    case "text" -> invalid(newText, v.getMessage());
                    case "importance" -> invalid(newImportance, v.getMessage());
                    case "tags" -> invalid(newTags, v.getMessage());
                    default -> error(v.getMessage());
                }
            }
            error("Not added: please correct the highlighted fields.");
            return;
        }
        actions.run("memory.add", () -> {
            try {
                MemoryItem item = memory.add(
                        new NewMemory(null, form.text(), form.type(), form.tags(), form.importance(), null, Map.of()),
                        caller());
                newText.clear();
                newTags.clear();
                Notification.show("Remembered as " + item.id(), 3000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (EngineUnavailableException
                    | WritesFrozenException
                    | IllegalArgumentException
                    | MemoryFullException
                    | StorageUnavailableException e) {
                error(e.getMessage());
            }
        });
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    void confirmDelete() {
        Set<MemoryItem> selected = grid.getSelectedItems();
        if (selected.isEmpty()) {
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog(
                "Delete " + selected.size() + " memories?",
                "They are removed for everyone using this instance. A checkpoint is taken first, so the deletion can"
                        + " be rolled back from the Safety tab.",
                "Delete",
                e -> deleteNow(selected));
        dialog.setId("confirm-delete");
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void deleteNow(Set<MemoryItem> selected) {
        actions.run("memory.bulk_delete", () -> {
            try {
                Origin by = caller();
                policy.requireOperator(by, "Deleting memories");
                checkpoints.create("before deleting " + selected.size() + " memories", by);
                int deleted =
                        memory.deleteAll(selected.stream().map(MemoryItem::id).toList(), by);
                Notification.show("Deleted " + deleted + " memories", 3000, Notification.Position.BOTTOM_END);
                refresh();
            } catch (EngineUnavailableException
                    | WritesFrozenException
                    | OperatorRequiredException
                    | StorageUnavailableException e) {
                error(e.getMessage());
            }
        });
    }

    void importFile(byte[] bytes) {
        actions.run("memory.import", () -> {
            try {
                Origin by = caller();
                MemoryEngine.ImportReport check = memory.validateImport(bytes, by);
                if (!check.applied()) {
                    error("Nothing was imported: "
                            + String.join(
                                    "; ",
                                    check.problems()
                                            .subList(
                                                    0,
                                                    Math.min(3, check.problems().size())))
                            + (check.problems().size() > 3 ? "; …" : ""));
                    return;
                }
                checkpoints.create("before bulk import", by);
                MemoryEngine.ImportReport report = memory.importJson(bytes, by);
                Notification.show(
                                "Imported " + report.imported() + " memories (checkpoint taken first)",
                                4000,
                                Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (EngineUnavailableException
                    | WritesFrozenException
                    | OperatorRequiredException
                    | ImportTooLargeException
                    | StorageUnavailableException e) {
                error(e.getMessage());
            }
        });
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
