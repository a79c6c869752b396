// <echarts-chart>: a plain custom element around the ECharts webjar (no npm build). The server sets the "option"
// property to an ECharts option as a JSON string; the element renders it and marks itself data-rendered="true".
(function () {
  if (customElements.get('echarts-chart')) return;
  class EChartsChart extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<style>:host{display:block;position:relative;min-height:60px}#c{position:absolute;inset:0}</style><div id="c"></div>';
      this._div = root.getElementById('c');
    }
    connectedCallback() {
      // Vaadin may have set the property before this element was upgraded
      if (Object.prototype.hasOwnProperty.call(this, 'option')) {
        const v = this.option; delete this.option; this.option = v;
      }
      this._waitForLibrary();
    }
    disconnectedCallback() {
      if (this._resize) this._resize.disconnect();
      if (this._chart) { this._chart.dispose(); this._chart = null; }
      if (this._themeObserver) this._themeObserver.disconnect();
    }
    set option(v) { this._option = v; this._apply(); }
    get option() { return this._option; }
    _theme() {
      const t = document.documentElement.getAttribute('theme') || '';
      return t.split(/\s+/).includes('dark') ? 'dark' : null;
    }
    _waitForLibrary() {
      if (window.echarts) { this._init(); return; }
      setTimeout(() => this._waitForLibrary(), 50);
    }
    _init() {
      if (this._chart || !this.isConnected) return;
      this._currentTheme = this._theme();
      this._chart = window.echarts.init(this._div, this._currentTheme, { renderer: 'canvas' });
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
      this._themeObserver = new MutationObserver(() => {
        if (this._theme() !== this._currentTheme && this._chart) {
          this._chart.dispose(); this._chart = null; this._init();
        }
      });
      this._themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
      this._chart.on('click', (p) => this.dispatchEvent(new CustomEvent('chart-click', {
        detail: { name: String(p.name ?? ''), seriesName: String(p.seriesName ?? ''), dataIndex: p.dataIndex ?? -1 }
      })));
      this._apply();
    }
    _apply() {
      if (!this._chart || this._option == null) return;
      try {
        const option = typeof this._option === 'string' ? JSON.parse(this._option) : this._option;
        option.backgroundColor = option.backgroundColor || 'transparent';
        this._chart.setOption(option, true);
        this.setAttribute('data-rendered', 'true');
      } catch (e) {
        this.setAttribute('data-rendered', 'error');
        console.error('echarts-chart: bad option', e);
      }
    }
  }
  customElements.define('echarts-chart', EChartsChart);
})();
