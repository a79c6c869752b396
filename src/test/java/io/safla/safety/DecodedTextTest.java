package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecodedTextTest {

    @Test
    void of_plainText_isUnchanged() {
        DecodedText d = DecodedText.of("hello world");
        assertThat(d.changed()).isFalse();
        assertThat(d.text()).isEqualTo("hello world");
        assertThat(d.originalStart(6, 11)).isEqualTo(6);
        assertThat(d.originalEnd(6, 11)).isEqualTo(11);
    }

    @Test
    void of_htmlEntities_decodeAndMapSpansToOriginal() {
        String original = "x &lt;script&gt; y";
        DecodedText d = DecodedText.of(original);
        assertThat(d.text()).isEqualTo("x <script> y");
        int s = d.text().indexOf('<');
        int e = d.text().indexOf('>') + 1;
        assertThat(original.substring(d.originalStart(s, e), d.originalEnd(s, e)))
                .isEqualTo("&lt;script&gt;");
    }

    @Test
    void of_numericEntitiesWithoutSemicolon_decode() {
        assertThat(DecodedText.of("&#106&#x61;va").text()).isEqualTo("java");
    }

    @Test
    void of_doublePercentEncoding_decodesToFixpoint() {
        String original = "a%253Cb";
        DecodedText d = DecodedText.of(original);
        assertThat(d.text()).isEqualTo("a<b");
        assertThat(original.substring(d.originalStart(1, 2), d.originalEnd(1, 2)))
                .isEqualTo("%253C");
    }

    @Test
    void of_unicodeAndHexEscapes_decode() {
        assertThat(DecodedText.of("\\u003cscript\\x3e").text()).isEqualTo("<script>");
    }

    @Test
    void of_zeroWidthAndFullWidth_areNormalised() {
        assertThat(DecodedText.of("ig\u200Bnore ＜b＞").text()).isEqualTo("ignore <b>");
    }

    @Test
    void of_strayAmpersandAndPercent_areKept() {
        assertThat(DecodedText.of("salt & pepper at 100% & more").text()).isEqualTo("salt & pepper at 100% & more");
    }
}
