package io.safla.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryCodecCsvTest {

    /** A spreadsheet runs a cell starting with = + - @ as a formula, also behind a leading tab or carriage return. */
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=cmd|' /C calc'!A0", "\r=1+1", "\t", "\r"})
    void formulaLikeCells_areNeutralisedWithAQuote(String cell) {
        String field = MemoryCodec.field(cell);

        assertThat(field.startsWith("'") || field.startsWith("\"'")).as(field).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "1+1", " =1", "a\t=b"})
    void otherCells_areUnchanged(String cell) {
        assertThat(MemoryCodec.field(cell)).isEqualTo(cell);
    }
}
