package io.safla.memory.semantic;

/** Kind of a directed relation {@code from -> to}, read as "from IS_A to", "from PART_OF to", and so on. */
public enum RelationType {
    IS_A,
    PART_OF,
    RELATED_TO,
    CAUSES,
    USED_FOR,
    DERIVED_FROM
}
