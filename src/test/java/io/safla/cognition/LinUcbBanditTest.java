package io.safla.cognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinUcbBanditTest {

    // two kinds of query: feature 1 marks kind A, feature 2 kind B; arm 1 pays in A, arm 2 in B, arm 0 is mediocre
    private static final double[] KIND_A = {1, 1, 0};
    private static final double[] KIND_B = {1, 0, 1};

    private static double reward(int arm, double[] x, Random noise) {
        double mean = arm == 0 ? 0.5 : arm == 1 ? (x[1] > 0 ? 0.9 : 0.1) : (x[2] > 0 ? 0.9 : 0.1);
        return mean + 0.1 * noise.nextGaussian();
    }

    private static List<Integer> play(LinUcbBandit bandit, int rounds, long noiseSeed) {
        Random noise = new Random(noiseSeed);
        List<Integer> choices = new ArrayList<>();
        for (int t = 0; t < rounds; t++) {
            double[] x = t % 2 == 0 ? KIND_A : KIND_B;
            int arm = bandit.select(x);
            choices.add(arm);
            bandit.update(arm, x, reward(arm, x, noise));
        }
        return choices;
    }

    @Test
    void convergesOnTheBestArmPerContext() {
        LinUcbBandit bandit = new LinUcbBandit(3, 3, 0.5, 0, 0.05, 42);
        assertThat(bandit.greedy(KIND_A)).isZero(); // the prior: the default arm before learning
        List<Integer> choices = play(bandit, 600, 1);
        assertThat(bandit.greedy(KIND_A)).isEqualTo(1);
        assertThat(bandit.greedy(KIND_B)).isEqualTo(2);
        long rightInLastHundred = 0;
        for (int t = 500; t < 600; t++) {
            rightInLastHundred += choices.get(t) == (t % 2 == 0 ? 1 : 2) ? 1 : 0;
        }
        assertThat(rightInLastHundred).isGreaterThanOrEqualTo(90);
    }

    @Test
    void learningOnOneKindDoesNotChangeTheChoiceForAnother() {
        LinUcbBandit bandit = new LinUcbBandit(3, 3, 0.5, 0, 0.05, 42);
        play(bandit, 600, 1);
        Random noise = new Random(3);
        for (int t = 0; t < 300; t++) {
            int arm = bandit.select(KIND_A);
            bandit.update(arm, KIND_A, reward(arm, KIND_A, noise));
        }
        assertThat(bandit.greedy(KIND_B)).isEqualTo(2);
    }

    @Test
    void isDeterministicGivenTheSeed() {
        assertThat(play(new LinUcbBandit(3, 3, 0.5, 0, 0, 9), 200, 5))
                .isEqualTo(play(new LinUcbBandit(3, 3, 0.5, 0, 0, 9), 200, 5));
    }

    @Test
    void restoreBringsBackExactlyTheSnapshot_andTheSameFutureChoices() {
        LinUcbBandit bandit = new LinUcbBandit(3, 3, 0.5, 0, 0, 9);
        play(bandit, 50, 5);
        LinUcbBandit.State checkpoint = bandit.snapshot();
        List<Integer> fromCheckpoint = play(bandit, 100, 6);
        assertThat(bandit.snapshot()).isNotEqualTo(checkpoint);
        bandit.restore(checkpoint);
        assertThat(bandit.snapshot()).isEqualTo(checkpoint);
        assertThat(play(bandit, 100, 6)).isEqualTo(fromCheckpoint);
    }

    @Test
    void uncertaintyShrinksWithObservations() {
        LinUcbBandit bandit = new LinUcbBandit(2, 3, 0.5, 0, 0, 1);
        double before = bandit.uncertainty(1, KIND_A);
        for (int i = 0; i < 20; i++) {
            bandit.update(1, KIND_A, 0.5);
        }
        assertThat(bandit.uncertainty(1, KIND_A)).isLessThan(before / 3);
        assertThat(bandit.pulls(1)).isEqualTo(20);
        assertThat(bandit.meanReward(1)).isEqualTo(0.5);
    }
}
