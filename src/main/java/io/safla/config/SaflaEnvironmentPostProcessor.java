package io.safla.config;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Maps the seed's environment variables (and a {@code .env} file) onto {@code safla.*} properties, loads the JSON
 * profile named by {@code SAFLA_CONFIG_PATH}, validates everything before the context starts, and derives the server,
 * session-cookie and logging settings from the result.
 *
 * <p>Precedence, highest first: command-line arguments and system properties, environment variables, {@code .env},
 * the JSON profile, {@code application.properties}. Validating here rather than when the beans are created means a
 * bad value stops start-up before Tomcat binds a port, with one line that names the variable.
 */
class SaflaEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ENV_SOURCE = "saflaEnvironmentVariables";
    static final String PROFILE_SOURCE = "saflaJsonProfile";
    static final String DERIVED_SOURCE = "saflaDerived";
    static final Path DEFAULT_PROFILE = Path.of("config", "safla_production.json");
    private static final Set<String> PROFILE_SECTIONS = Set.of("memory", "safety", "performance");
    private static final List<Class<?>> PROPERTIES = List.of(
            AppProperties.class,
            HuggingFaceProperties.class,
            MemoryProperties.class,
            SafetyProperties.class,
            PerformanceProperties.class,
            RateLimitProperties.class,
            HealthProperties.class);

    private final Path workingDir;

    SaflaEnvironmentPostProcessor() {
        this(Path.of("").toAbsolutePath());
    }

    SaflaEnvironmentPostProcessor(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public int getOrder() {
        // after application.properties is loaded (ConfigData runs at HIGHEST_PRECEDENCE + 10), before logging starts
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> variables = variables(environment);
        MutablePropertySources sources = environment.getPropertySources();
        List<String> problems = new ArrayList<>();

        Map<String, Object> fromVariables = new LinkedHashMap<>();
        for (ConfigVariable variable : ConfigVariable.values()) {
            String value = variables.get(variable.name());
            if (value != null && !value.isBlank()) {
                fromVariables.put(variable.property(), value.strip());
            }
        }
        insertAfterSystemProperties(sources, new MapPropertySource(ENV_SOURCE, fromVariables));

        @Nullable Path profile = profilePath(variables, environment, problems);
        Map<String, Object> fromProfile = profile == null ? Map.of() : readProfile(profile, problems);
        if (profile != null) {
            fromVariables.put(ConfigVariable.SAFLA_CONFIG_PATH.property(), profile.toString());
        }
        sources.addLast(new MapPropertySource(PROFILE_SOURCE, fromProfile));
        moveBeforeApplicationConfig(sources);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }

        Binder binder = new Binder(ConfigurationPropertySources.get(environment));
        rejectUnknownProfileKeys(fromProfile, profile, problems);
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            SpringValidatorAdapter validator = new SpringValidatorAdapter(factory.getValidator());
            for (Class<?> type : PROPERTIES) {
                String prefix =
                        type.getAnnotation(ConfigurationProperties.class).value();
                try {
                    // a fresh handler per type: it accumulates the properties it has seen
                    binder.bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator));
                } catch (BindException e) {
                    problems.addAll(describe(e, prefix, variables, fromProfile, profile));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        AppProperties app = binder.bindOrCreate("safla.app", AppProperties.class);
        ensureWritable(app.dataDir(), variables, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        insertAfterSystemProperties(sources, new MapPropertySource(DERIVED_SOURCE, derived(app)));
    }

    /** Real environment variables win over {@code .env}. */
    private Map<String, String> variables(ConfigurableEnvironment environment) {
        Map<String, String> variables = new HashMap<>(DotEnvFile.read(workingDir.resolve(".env")));
        PropertySource<?> system =
                environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (system != null && system.getSource() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> variables.put(String.valueOf(k), String.valueOf(v)));
        }
        return variables;
    }

    private @Nullable Path profilePath(
            Map<String, String> variables, ConfigurableEnvironment environment, List<String> problems) {
        String configured = variables.get(ConfigVariable.SAFLA_CONFIG_PATH.name());
        if (configured == null || configured.isBlank()) {
            // also selectable as a property (--safla.app.config-path=... or a test's configuration)
            configured = environment.getProperty(ConfigVariable.SAFLA_CONFIG_PATH.property());
        }
        if (configured == null || configured.isBlank()) {
            Path fallback = workingDir.resolve(DEFAULT_PROFILE);
            return Files.isRegularFile(fallback) ? fallback : null;
        }
        Path path = workingDir.resolve(configured.strip()).normalize();
        if (!Files.isRegularFile(path)) {
            problems.add("SAFLA_CONFIG_PATH=" + configured.strip() + " is invalid: no such file (allowed: "
                    + ConfigVariable.SAFLA_CONFIG_PATH.allowed() + ")");
            return null;
        }
        return path;
    }

    private static Map<String, Object> readProfile(Path profile, List<String> problems) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(profile));
        } catch (JacksonException e) {
            problems.add("SAFLA_CONFIG_PATH=" + profile + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
            return Map.of();
        } catch (IOException e) {
            problems.add("SAFLA_CONFIG_PATH=" + profile + " cannot be read: " + e.getMessage());
            return Map.of();
        }
        if (root == null || !root.isObject()) {
            problems.add("SAFLA_CONFIG_PATH=" + profile + " must hold a JSON object with sections " + PROFILE_SECTIONS);
            return Map.of();
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        root.properties().forEach(section -> {
            if (!PROFILE_SECTIONS.contains(section.getKey())) {
                problems.add(profile + ": unknown section \"" + section.getKey() + "\" (allowed: "
                        + String.join(", ", PROFILE_SECTIONS.stream().sorted().toList()) + ")");
            } else {
                flatten("safla." + kebab(section.getKey()), section.getValue(), flat);
            }
        });
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        if (node.isObject()) {
            node.properties().forEach(f -> flatten(prefix + "." + kebab(f.getKey()), f.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asString());
        }
    }

    private static String kebab(String key) {
        return key.replace('_', '-').replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A typo in the profile would otherwise be ignored silently. */
    private static void rejectUnknownProfileKeys(
            Map<String, Object> fromProfile, @Nullable Path profile, List<String> problems) {
        if (fromProfile.isEmpty()) {
            return;
        }
        Binder profileOnly = new Binder(new MapConfigurationPropertySource(fromProfile));
        for (Class<?> type : PROPERTIES) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            try {
                profileOnly.bind(prefix, Bindable.of(type), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
            } catch (BindException e) {
                if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
                    unbound.getUnboundProperties()
                            .forEach(p -> problems.add(profile + ": unknown key \""
                                    + jsonKey(p.getName().toString()) + "\""));
                }
                // value errors are reported by the validating bind against the whole environment
            }
        }
    }

    private List<String> describe(
            BindException e,
            String prefix,
            Map<String, String> variables,
            Map<String, Object> fromProfile,
            @Nullable Path profile) {
        List<String> lines = new ArrayList<>();
        if (e.getCause() instanceof BindValidationException validation) {
            for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                String property = error instanceof FieldError field
                        ? error.getObjectName() + "." + kebabPath(field.getField())
                        : error.getObjectName();
                lines.add(describe(property, error.getDefaultMessage(), variables, fromProfile, profile));
            }
        } else {
            String property = e.getProperty() != null
                    ? e.getProperty().getName().toString()
                    : e.getName().toString();
            String reason = e.getCause() != null ? rootMessage(e.getCause()) : e.getMessage();
            lines.add(describe(property, "cannot be converted (" + reason + ")", variables, fromProfile, profile));
        }
        return lines;
    }

    private static String describe(
            String property,
            @Nullable String reason,
            Map<String, String> variables,
            Map<String, Object> fromProfile,
            @Nullable Path profile) {
        var variable = ConfigVariable.forProperty(property);
        if (variable.isPresent() && variables.containsKey(variable.get().name())) {
            ConfigVariable v = variable.get();
            String shown = v.secret() ? "[redacted]" : variables.get(v.name()).strip();
            return v.name() + "=" + shown + " is invalid: allowed " + v.allowed();
        }
        if (fromProfile.containsKey(property)) {
            String allowed = variable.map(v -> "allowed " + v.allowed()).orElse(reason == null ? "" : reason);
            return "\"" + jsonKey(property) + "\"=" + fromProfile.get(property) + " in " + profile + " is invalid: "
                    + allowed;
        }
        return property + " is invalid: "
                + variable.map(v -> "allowed " + v.allowed()).orElse(String.valueOf(reason));
    }

    private static String kebabPath(String field) {
        String[] parts = field.split("\\.");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            out.add(kebab(part));
        }
        return String.join(".", out);
    }

    private static String jsonKey(String property) {
        return property.replaceFirst("^safla\\.", "").replace('-', '_');
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void ensureWritable(Path dataDir, Map<String, String> variables, List<String> problems) {
        try {
            Files.createDirectories(dataDir);
            if (!Files.isWritable(dataDir)) {
                throw new IOException("not writable");
            }
        } catch (IOException | SecurityException e) {
            String shown = variables.getOrDefault(ConfigVariable.SAFLA_DATA_DIR.name(), dataDir.toString());
            problems.add("SAFLA_DATA_DIR=" + shown + " is invalid: allowed " + ConfigVariable.SAFLA_DATA_DIR.allowed()
                    + " (" + e.getMessage() + ")");
        }
    }

    static Map<String, Object> derived(AppProperties app) {
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("server.port", app.port());
        derived.put("server.servlet.session.timeout", app.sessionTimeoutSeconds() + "s");
        derived.put("logging.level.root", app.logLevel().logbackName());
        if (app.debug()) {
            derived.put("logging.level.io.safla", "DEBUG");
        }
        derived.put(
                "safla.app.log-file",
                app.dataDir().resolve("logs").resolve("safla.log").toString());
        if (app.onSpace()) {
            // the Space page frames the app cross-site: without these the browser drops the session cookie
            derived.put("server.servlet.session.cookie.same-site", "none");
            derived.put("server.servlet.session.cookie.secure", "true");
            derived.put("server.servlet.session.cookie.partitioned", "true");
        }
        // the client address is decided in one place (io.safla.web.ClientAddress, one trusted hop); Tomcat's
        // RemoteIpValve would rewrite getRemoteAddr() first, and Boot turns it on by itself on Kubernetes
        derived.put("server.forward-headers-strategy", "none");
        boolean showDetails = !app.production();
        derived.put("server.error.include-stacktrace", showDetails ? "on_param" : "never");
        derived.put("server.error.include-message", showDetails ? "always" : "never");
        derived.put("server.error.include-exception", showDetails);
        return derived;
    }

    private static void insertAfterSystemProperties(MutablePropertySources sources, PropertySource<?> source) {
        if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    /** The profile must beat {@code application.properties} but lose to the environment. */
    private static void moveBeforeApplicationConfig(MutablePropertySources sources) {
        PropertySource<?> profile = sources.remove(PROFILE_SOURCE);
        for (PropertySource<?> candidate : sources) {
            if (candidate.getName().startsWith("Config resource")) {
                sources.addBefore(candidate.getName(), profile);
                return;
            }
        }
        sources.addLast(profile);
    }
}
