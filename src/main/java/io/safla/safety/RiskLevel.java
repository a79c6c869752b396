package io.safla.safety;

/** Coarse risk band shown in the UI, ordered from best to worst. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** Bands of equal width over [0, 1]. */
    public static RiskLevel ofRisk(double risk) {
        if (risk < 0.25) {
            return LOW;
        }
        if (risk < 0.5) {
            return MEDIUM;
        }
        return risk < 0.75 ? HIGH : CRITICAL;
    }

    static RiskLevel of(Severity s) {
        return values()[s.ordinal()];
    }

    public RiskLevel max(RiskLevel o) {
        return compareTo(o) >= 0 ? this : o;
    }
}
