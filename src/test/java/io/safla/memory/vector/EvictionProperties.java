package io.safla.memory.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.monitor.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * LRU bookkeeping (intrusive list plus swap-remove relinking) against {@link LinkedHashMap} in access order,
 * the JDK's reference LRU.
 */
class EvictionProperties {

    enum Kind {
        PUT,
        GET,
        DELETE
    }

    record Op(Kind kind, int id) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(
                        Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 15))
                .as(Op::new)
                .list()
                .ofMaxSize(120);
    }

    @Property(tries = 500)
    void lru_anyOperations_matchesAccessOrderedMap(
            @ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 1, max = 8) int capacity) {
        VectorStore store = new VectorStore(
                VectorStoreConfig.of(2).withCapacity(capacity), new ScalarKernel(), new MutableClock(Instant.EPOCH));
        LinkedHashMap<String, Boolean> model = new LinkedHashMap<>(16, 0.75f, true);
        List<String> evicted = new ArrayList<>();
        List<String> expectedEvicted = new ArrayList<>();
        for (Op op : ops) {
            String id = "id" + op.id();
            switch (op.kind()) {
                case PUT -> {
                    if (!model.containsKey(id) && model.size() == capacity) {
                        String eldest = model.keySet().iterator().next();
                        model.remove(eldest);
                        expectedEvicted.add(eldest);
                    }
                    model.put(id, true);
                    Optional<String> e = store.put(id, new float[] {1, op.id()}, ItemMetadata.of("t"));
                    e.ifPresent(evicted::add);
                }
                case GET -> {
                    model.get(id);
                    assertThat(store.get(id).isPresent()).isEqualTo(model.containsKey(id));
                }
                case DELETE -> assertThat(store.delete(id)).isEqualTo(model.remove(id) != null);
            }
        }
        assertThat(evicted).isEqualTo(expectedEvicted);
        assertThat(store.idsByRecency()).containsExactlyElementsOf(model.keySet());
        for (Map.Entry<String, Boolean> e : model.entrySet()) {
            assertThat(store.contains(e.getKey())).isTrue();
        }
    }
}
