package io.safla.memory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The seed's input rule for text that will be stored and shown to others: no script tags, {@code javascript:} URLs,
 * inline event handlers, {@code eval(} or {@code exec(}. (The safety playground, whose purpose is to examine such
 * input, does not apply it.)
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SafeText.Validator.class)
public @interface SafeText {

    String MESSAGE = "contains potentially dangerous content (script, event handler, javascript: URL, eval or exec)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SafeText, String> {

        static final List<Pattern> DANGEROUS = List.of(
                Pattern.compile("<script.*?>.*?</script>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
                Pattern.compile("<script\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bon\\w+\\s*=", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\beval\\s*\\(", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bexec\\s*\\(", Pattern.CASE_INSENSITIVE));

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isSafe(value);
        }

        /** The rule itself, for callers outside Bean Validation (see {@link MemoryRules}). */
        public static boolean isSafe(String value) {
            return value == null
                    || DANGEROUS.stream().noneMatch(p -> p.matcher(value).find());
        }
    }
}
