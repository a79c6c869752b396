package io.safla.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SaflaEnvironmentPostProcessorTest {

    @TempDir
    Path workingDir;

    private StandardEnvironment environment(Map<String, String> variables) {
        Map<String, Object> env = new HashMap<>(variables);
        env.putIfAbsent("SAFLA_DATA_DIR", workingDir.resolve("data").toString());
        return new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                sources.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
            }
        };
    }

    private StandardEnvironment process(Map<String, String> variables) {
        StandardEnvironment environment = environment(variables);
        new SaflaEnvironmentPostProcessor(workingDir).postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static <T> T bind(StandardEnvironment environment, String prefix, Class<T> type) {
        return Binder.get(environment).bindOrCreate(prefix, type);
    }

    private InvalidConfigurationException failure(Map<String, String> variables) {
        try {
            process(variables);
        } catch (InvalidConfigurationException e) {
            return e;
        }
        throw new AssertionError("start-up accepted " + variables);
    }

    @Test
    void defaults_noVariables_bindSeedDefaults() {
        StandardEnvironment environment = process(Map.of());

        AppProperties app = bind(environment, "safla.app", AppProperties.class);
        assertThat(app.port()).isEqualTo(7860);
        assertThat(app.environment()).isEqualTo(AppProperties.DeploymentEnvironment.PRODUCTION);
        assertThat(app.sessionTimeoutSeconds()).isEqualTo(3600);
        assertThat(app.maxConcurrentUsers()).isEqualTo(10);
        assertThat(bind(environment, "safla.ratelimit", RateLimitProperties.class)
                        .perMinute())
                .isEqualTo(60);
        assertThat(bind(environment, "safla.memory", MemoryProperties.class)
                        .vector()
                        .maxSize())
                .isEqualTo(1000);
        assertThat(bind(environment, "safla.memory", MemoryProperties.class)
                        .vector()
                        .dimensions())
                .isEqualTo(384);
        assertThat(bind(environment, "safla.performance", PerformanceProperties.class)
                        .cacheTimeoutSeconds())
                .isEqualTo(300);
        assertThat(environment.getProperty("server.port")).isEqualTo("7860");
        assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("3600s");
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site"))
                .isNull();
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
    }

    @Test
    void variables_validValues_reachTheirProperties() {
        StandardEnvironment environment = process(Map.of(
                "PORT",
                "8088",
                "RATE_LIMIT_PER_MINUTE",
                "120",
                "SESSION_TIMEOUT",
                "600",
                "LOG_LEVEL",
                "WARNING",
                "SAFLA_VECTOR_DIM",
                "768",
                "CACHE_TIMEOUT",
                "30",
                "ENVIRONMENT",
                "development",
                "ENABLE_ANALYTICS",
                "false"));

        assertThat(environment.getProperty("server.port")).isEqualTo("8088");
        assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("600s");
        assertThat(environment.getProperty("logging.level.root")).isEqualTo("WARN");
        assertThat(bind(environment, "safla.ratelimit", RateLimitProperties.class)
                        .perMinute())
                .isEqualTo(120);
        assertThat(bind(environment, "safla.memory", MemoryProperties.class)
                        .vector()
                        .dimensions())
                .isEqualTo(768);
        assertThat(bind(environment, "safla.performance", PerformanceProperties.class)
                        .cacheTimeoutSeconds())
                .isEqualTo(30);
        assertThat(bind(environment, "safla.app", AppProperties.class).enableAnalytics())
                .isFalse();
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("on_param");
    }

    @Test
    void rateLimit_negative_stopsStartUpNamingTheVariableAndRange() {
        InvalidConfigurationException e = failure(Map.of("RATE_LIMIT_PER_MINUTE", "-1"));

        assertThat(e.problems())
                .containsExactly("RATE_LIMIT_PER_MINUTE=-1 is invalid: allowed an integer from 1 to 10000");
    }

    @Test
    void memorySize_malformed_stopsStartUpNamingTheVariable() {
        InvalidConfigurationException e = failure(Map.of("SAFLA_MEMORY_SIZE", "lots"));

        assertThat(e.problems())
                .containsExactly("SAFLA_MEMORY_SIZE=lots is invalid: allowed an integer from 10 to 10000");
    }

    @Test
    void vectorDimension_notOffered_listsTheChoices() {
        assertThat(failure(Map.of("SAFLA_VECTOR_DIM", "300")).problems())
                .containsExactly("SAFLA_VECTOR_DIM=300 is invalid: allowed one of 384, 512, 768, 1024, 1536");
    }

    @Test
    void enums_unknownNames_areRejected() {
        assertThat(failure(Map.of("LOG_LEVEL", "LOUD")).problems())
                .containsExactly(
                        "LOG_LEVEL=LOUD is invalid: allowed one of TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL");
        assertThat(failure(Map.of("ENVIRONMENT", "prod")).problems())
                .containsExactly("ENVIRONMENT=prod is invalid: allowed one of development, test, staging, production");
        assertThat(failure(Map.of("DEBUG", "maybe")).problems())
                .containsExactly("DEBUG=maybe is invalid: allowed true or false");
    }

    @Test
    void severalOutOfRangeValues_allReportedAtOnce() {
        assertThat(failure(Map.of(
                                "PORT",
                                "0",
                                "SESSION_TIMEOUT",
                                "5",
                                "RATE_LIMIT_PER_MINUTE",
                                "0",
                                "SAFLA_MEMORY_SIZE",
                                "9"))
                        .problems())
                .containsExactlyInAnyOrder(
                        "PORT=0 is invalid: allowed an integer from 1 to 65535",
                        "SESSION_TIMEOUT=5 is invalid: allowed an integer number of seconds from 60 to 86400",
                        "RATE_LIMIT_PER_MINUTE=0 is invalid: allowed an integer from 1 to 10000",
                        "SAFLA_MEMORY_SIZE=9 is invalid: allowed an integer from 10 to 10000");
    }

    @Test
    void adminToken_tooShort_isRejectedWithoutEchoingTheSecret() {
        InvalidConfigurationException e = failure(Map.of("ADMIN_TOKEN", "hunter2"));

        assertThat(e.problems())
                .containsExactly("ADMIN_TOKEN=[redacted] is invalid: allowed optional; at least 16 characters");
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void dotEnvFile_isRead_andRealEnvironmentWins() throws IOException {
        Files.writeString(workingDir.resolve(".env"), """
                # comment
                export RATE_LIMIT_PER_MINUTE=30
                SESSION_TIMEOUT="900"
                MAX_CONCURRENT_USERS=5 # inline comment
                """);

        StandardEnvironment environment = process(Map.of("MAX_CONCURRENT_USERS", "7"));

        assertThat(bind(environment, "safla.ratelimit", RateLimitProperties.class)
                        .perMinute())
                .isEqualTo(30);
        assertThat(bind(environment, "safla.app", AppProperties.class).sessionTimeoutSeconds())
                .isEqualTo(900);
        assertThat(bind(environment, "safla.app", AppProperties.class).maxConcurrentUsers())
                .isEqualTo(7);
    }

    @Test
    void jsonProfile_selectedByConfigPath_andVariablesWinOverIt() throws IOException {
        Path profile = workingDir.resolve("custom.json");
        Files.writeString(profile, """
                {"memory": {"vector": {"dimensions": 512, "max_size": 200}},
                 "safety": {"risk_tolerance": "strict", "levels": {"content": 0.9}},
                 "performance": {"cache_timeout_seconds": 120, "batch_size": 8}}
                """);

        StandardEnvironment environment =
                process(Map.of("SAFLA_CONFIG_PATH", "custom.json", "SAFLA_MEMORY_SIZE", "300"));

        MemoryProperties memory = bind(environment, "safla.memory", MemoryProperties.class);
        assertThat(memory.vector().dimensions()).isEqualTo(512);
        assertThat(memory.vector().maxSize()).isEqualTo(300);
        SafetyProperties safety = bind(environment, "safla.safety", SafetyProperties.class);
        assertThat(safety.riskTolerance()).isEqualTo(SafetyProperties.RiskTolerance.STRICT);
        assertThat(safety.levels().content()).isEqualTo(0.9);
        assertThat(safety.levels().behavior()).isEqualTo(0.7);
        assertThat(bind(environment, "safla.performance", PerformanceProperties.class)
                        .batchSize())
                .isEqualTo(8);
        assertThat(bind(environment, "safla.app", AppProperties.class).configPath())
                .isEqualTo(profile);
    }

    @Test
    void jsonProfile_defaultFileInConfigFolder_isUsedWhenNoPathIsSet() throws IOException {
        Files.createDirectories(workingDir.resolve("config"));
        Files.writeString(
                workingDir.resolve("config/safla_production.json"), "{\"memory\": {\"working\": {\"capacity\": 4}}}");

        StandardEnvironment environment = process(Map.of());

        assertThat(bind(environment, "safla.memory", MemoryProperties.class)
                        .working()
                        .capacity())
                .isEqualTo(4);
    }

    @Test
    void jsonProfile_problems_areNamedWithTheFile() throws IOException {
        Files.writeString(workingDir.resolve("bad.json"), """
                {"memory": {"vector": {"max_size": 5, "colour": "red"}}, "gpu": {}}
                """);

        InvalidConfigurationException e = failure(Map.of("SAFLA_CONFIG_PATH", "bad.json"));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown section \"gpu\""));
    }

    @Test
    void jsonProfile_unknownKeyAndOutOfRangeValue_areReported() throws IOException {
        Files.writeString(workingDir.resolve("bad.json"), """
                {"memory": {"vector": {"max_size": 5, "colour": "red"}}}
                """);

        InvalidConfigurationException e = failure(Map.of("SAFLA_CONFIG_PATH", "bad.json"));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown key \"memory.vector.colour\""));
        assertThat(e.problems())
                .anySatisfy(p ->
                        assertThat(p).contains("\"memory.vector.max_size\"=5").contains("from 10 to 10000"));
    }

    @Test
    void jsonProfile_missingOrMalformed_isAnError() throws IOException {
        assertThat(failure(Map.of("SAFLA_CONFIG_PATH", "nope.json")).problems())
                .containsExactly("SAFLA_CONFIG_PATH=nope.json is invalid: no such file (allowed: path to an existing"
                        + " JSON profile)");
        Files.writeString(workingDir.resolve("broken.json"), "{\"memory\": ");
        assertThat(failure(Map.of("SAFLA_CONFIG_PATH", "broken.json")).problems())
                .singleElement()
                .asString()
                .contains("is not valid JSON");
    }

    @Test
    void shippedProfiles_allLoad() {
        for (String name : new String[] {"safla_production.json", "safla_development.json", "safla_minimal.json"}) {
            Path shipped = Path.of("config", name).toAbsolutePath();
            StandardEnvironment environment = process(Map.of("SAFLA_CONFIG_PATH", shipped.toString()));
            assertThat(bind(environment, "safla.app", AppProperties.class).configPath())
                    .isEqualTo(shipped);
        }
    }

    @Test
    void spaceId_switchesSessionCookieToCrossSiteMode() {
        StandardEnvironment environment = process(Map.of("SPACE_ID", "someone/safla"));

        assertThat(environment.getProperty("server.servlet.session.cookie.same-site"))
                .isEqualTo("none");
        assertThat(environment.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");
        assertThat(environment.getProperty("server.servlet.session.cookie.partitioned"))
                .isEqualTo("true");
    }

    @Test
    void dataDir_notWritable_stopsStartUp() throws IOException {
        Path file = Files.writeString(workingDir.resolve("a-file"), "x");

        assertThat(failure(Map.of("SAFLA_DATA_DIR", file.resolve("sub").toString()))
                        .problems())
                .singleElement()
                .asString()
                .startsWith("SAFLA_DATA_DIR=");
    }

    @Test
    void hfToken_isNeverPrinted() {
        StandardEnvironment environment = process(Map.of("HF_TOKEN", "hf_abcdefghijklmnopqrstuvwxyz"));

        HuggingFaceProperties hf = bind(environment, "safla.hf", HuggingFaceProperties.class);
        assertThat(hf.tokenLooksValid()).isTrue();
        assertThat(hf.toString()).doesNotContain("hf_abc");
    }

    private static final Pattern RANGE = Pattern.compile("from (\\d+) to (\\d+)");

    /** The documented range of every numeric variable is exactly what validation enforces. */
    @ParameterizedTest
    @EnumSource(ConfigVariable.class)
    void documentedRanges_matchValidation(ConfigVariable variable) {
        Matcher range = RANGE.matcher(variable.allowed());
        if (!range.find()) {
            return;
        }
        long min = Long.parseLong(range.group(1));
        long max = Long.parseLong(range.group(2));
        process(Map.of(variable.name(), String.valueOf(min)));
        process(Map.of(variable.name(), String.valueOf(max)));
        assertThatThrownBy(() -> process(Map.of(variable.name(), String.valueOf(min - 1))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(variable.name());
        assertThatThrownBy(() -> process(Map.of(variable.name(), String.valueOf(max + 1))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(variable.name());
    }

    @ParameterizedTest
    @EnumSource(ConfigVariable.class)
    void envExample_documentsEveryVariable(ConfigVariable variable) throws IOException {
        String example = Files.readString(Path.of(".env.example"));

        assertThat(example).containsPattern("(?m)^#?\\s*" + variable.name() + "=");
    }

    @Test
    void failureAnalyzer_printsOneLinePerProblem() {
        var analysis = new InvalidConfigurationFailureAnalyzer()
                .analyze(
                        new InvalidConfigurationException(java.util.List.of("RATE_LIMIT_PER_MINUTE=-1 is invalid: x")));

        assertThat(analysis.getDescription()).contains("\n  RATE_LIMIT_PER_MINUTE=-1 is invalid: x");
        assertThat(analysis.getAction()).contains(".env.example");
    }
}
