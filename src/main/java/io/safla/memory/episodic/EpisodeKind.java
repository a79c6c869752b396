package io.safla.memory.episodic;

/** What an episode was about; the UI colours timeline series by kind. */
public enum EpisodeKind {
    LEARNING,
    SAFETY,
    PERFORMANCE,
    USER_INTERACTION
}
