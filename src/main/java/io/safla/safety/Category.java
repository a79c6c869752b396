package io.safla.safety;

/** What kind of risk a finding represents; the keys of {@link SafetyResult#categoryRisks()}. */
public enum Category {
    HTML_JS_INJECTION,
    SQL_INJECTION,
    COMMAND_INJECTION,
    PATH_TRAVERSAL,
    PROMPT_INJECTION,
    JAILBREAK,
    PII,
    SECRET,
    OBFUSCATION,
    RESOURCE_ABUSE,
    CONSTRAINT
}
