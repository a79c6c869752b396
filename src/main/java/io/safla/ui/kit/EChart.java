package io.safla.ui.kit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.JsonNode;

/**
 * An ECharts chart from the webjar, through our own small custom element (no npm bundle). The option is built on
 * the server, usually with Jackson, and sent as JSON.
 */
@Tag("echarts-chart")
public class EChart extends Component implements HasSize, HasStyle, HasAriaLabel {

    static final String ECHARTS_JS = "context://webjars/echarts/5.5.0/echarts.min.js";
    static final String ELEMENT_JS = "context://js/echarts-chart.js";

    private String option = "";

    public EChart() {
        setWidth("100%");
        setHeight("280px");
        // a canvas says nothing to a screen reader: the element is one image, named by its aria-label
        getElement().setAttribute("role", "img");
        setAriaLabel("Chart");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(ECHARTS_JS);
        event.getUI().getPage().addJavaScript(ELEMENT_JS);
    }

    /** Replaces the whole chart option. */
    public void setOption(JsonNode option) {
        this.option = option.toString();
        getElement().setProperty("option", this.option);
    }

    /** The option last set, as JSON; for tests and exports. */
    public String getOption() {
        return option;
    }

    public Registration addChartClickListener(
            com.vaadin.flow.component.ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    /** A click on a data point: its category name, series and index. */
    @DomEvent("chart-click")
    public static class ChartClickEvent extends ComponentEvent<EChart> {
        private final String name;
        private final String seriesName;
        private final int dataIndex;

        public ChartClickEvent(
                EChart source,
                boolean fromClient,
                @EventData("event.detail.name") String name,
                @EventData("event.detail.seriesName") String seriesName,
                @EventData("event.detail.dataIndex") int dataIndex) {
            super(source, fromClient);
            this.name = name;
            this.seriesName = seriesName;
            this.dataIndex = dataIndex;
        }

        public String getName() {
            return name;
        }

        public String getSeriesName() {
            return seriesName;
        }

        public int getDataIndex() {
            return dataIndex;
        }
    }
}
