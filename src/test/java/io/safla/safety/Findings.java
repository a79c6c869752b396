package io.safla.safety;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Small helpers for asserting on findings. */
final class Findings {

    private Findings() {}

    static Set<String> ruleIds(List<Finding> fs) {
        return fs.stream().map(Finding::ruleId).collect(Collectors.toSet());
    }

    static Set<Category> categories(List<Finding> fs) {
        return fs.stream().map(Finding::category).collect(Collectors.toSet());
    }

    static Finding first(List<Finding> fs, String ruleId) {
        return fs.stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " not in " + ruleIds(fs)));
    }
}
