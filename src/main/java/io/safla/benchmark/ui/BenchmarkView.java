package io.safla.benchmark.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.ui.ViewHeader;

@Route("benchmark")
@PageTitle("Benchmark | SAFLA")
@Menu(order = 3, icon = "vaadin:chart", title = "Benchmark")
public class BenchmarkView extends VerticalLayout {

    BenchmarkView() {
        setId("benchmark-view");
        add(new ViewHeader("Benchmark", "Measured, repeatable benchmarks run on this server: vector search (exact and quantized), inserts, embedding and safety throughput, the cache's effect and end-to-end API latency, with percentiles, charts and a history you can export. The runner arrives with the memory engine; no numbers are shown before they are measured."));
    }
}
