package io.safla.config;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HuggingFace credentials and cache. Both tokens are optional: the engine runs its embeddings in process.
 *
 * @param apiKey {@code HUGGINGFACE_API_KEY}; wins over {@code token} when both are set
 * @param token {@code HF_TOKEN}, the name a Space uses for its secret
 * @param cacheDir where a downloaded model would be cached
 */
@ConfigurationProperties("safla.hf")
public record HuggingFaceProperties(
        @Nullable String apiKey,
        @Nullable String token,
        @DefaultValue("/tmp/hf_cache") String cacheDir) {

    /** The token in use, if any. Never log or display it. */
    public Optional<String> effectiveToken() {
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(apiKey.strip());
        }
        return Optional.ofNullable(token).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** A HuggingFace user access token starts with {@code hf_}; anything else is probably a paste error. */
    public boolean tokenLooksValid() {
        return effectiveToken()
                .map(t -> t.startsWith("hf_") && t.length() >= 20)
                .orElse(false);
    }

    @Override
    public String toString() {
        return "HuggingFaceProperties[token=" + (effectiveToken().isPresent() ? "[redacted]" : "unset") + ", cacheDir="
                + cacheDir + "]";
    }
}
