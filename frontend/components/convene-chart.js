// A line chart (numbers over time) or a bar chart (numbers per day) drawn by Chart.js in a canvas. The canvas is one image for assistive
// technology, named by the `summary` text; the numbers themselves are in a real table next to the chart.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Filler, Tooltip);

class ConveneReportChart extends HTMLElement {
  static get observedAttributes() {
    return ['data-chart'];
  }

  constructor() {
    super();
    this._chart = null;
  }

  connectedCallback() {
    if (!this._canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this._canvas = document.createElement('canvas');
      this._canvas.setAttribute('role', 'img');
      this.appendChild(this._canvas);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  attributeChangedCallback() {
    if (this.isConnected) {
      this._render();
    }
  }

  _render() {
    const raw = this.getAttribute('data-chart');
    if (!raw || !this._canvas) {
      return;
    }
    const spec = JSON.parse(raw);
    this._canvas.setAttribute('aria-label', spec.summary || spec.label);
    const bars = spec.type === 'bar';
    const data = {
      labels: spec.labels,
      datasets: [{
        label: spec.label,
        data: spec.values,
        borderColor: '#1d4ed8',
        backgroundColor: bars ? '#1d4ed8' : 'rgba(29, 78, 216, 0.15)',
        borderWidth: 3,
        pointRadius: spec.values.length > 30 ? 0 : 3,
        fill: !bars,
        stepped: false,
        tension: 0,
      }],
    };
    const options = {
      // no animation at all: it adds nothing to a report and moves things for people who asked for less motion
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: {
        x: { title: { display: true, text: spec.xTitle || '' }, ticks: { color: '#1f2937', maxTicksLimit: 12 } },
        y: { beginAtZero: true, title: { display: true, text: spec.yTitle || '' }, ticks: { color: '#1f2937', precision: 0 } },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
    };
    if (this._chart && this._chart.config.type !== (bars ? 'bar' : 'line')) {
      this._chart.destroy();
      this._chart = null;
    }
    if (this._chart) {
      this._chart.data = data;
      this._chart.options = options;
      this._chart.update();
    } else {
      this._chart = new Chart(this._canvas, { type: bars ? 'bar' : 'line', data, options });
    }
  }
}

if (!customElements.get('convene-chart')) {
  customElements.define('convene-chart', ConveneReportChart);
}
