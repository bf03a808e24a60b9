// The dashboard's only script: htmx does the fetching (hx-get on links that also work without it), this file reloads
// the page when a session ended during an htmx request, and draws the trend charts from the data the page carries.
(function () {
  'use strict';

  // A session that ended (or was never there) answers an htmx request with 499 (the OIDC tenant's answer to a
  // JavaScript request, see HtmxRequests) or 401: reload, and the page's own request goes to the login.
  document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail.xhr && event.detail.xhr.status;
    if (status === 499 || status === 401) {
      window.location.reload();
    }
  });

  // After an htmx swap, move the focus to the swapped region's heading so keyboard and screen reader users follow.
  document.addEventListener('htmx:afterSwap', function (event) {
    var heading = event.detail.target && event.detail.target.querySelector('[data-focus-after-swap]');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  });

  // Line charts from <canvas data-chart="ID">, whose data is the JSON of <script type="application/json" id="ID">.
  // The same figures are in the table beside it, so nothing depends on the chart (or on this script) being drawn.
  function drawCharts(root) {
    if (typeof window.Chart === 'undefined') {
      return;
    }
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) {
        return;
      }
      var data = JSON.parse(source.textContent);
      var colours = ['#8a1c1c', '#1d4ed8', '#1b5e20', '#6b4400'];
      var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
      new window.Chart(canvas, {
        type: 'line',
        data: {
          labels: data.labels,
          datasets: data.series.map(function (series, i) {
            return {
              label: series.label, data: series.values, borderColor: colours[i % colours.length],
              backgroundColor: colours[i % colours.length], borderDash: dashes[i % dashes.length],
              pointStyle: ['circle', 'rect', 'triangle', 'rectRot'][i % 4], pointRadius: 3, tension: 0
            };
          })
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
        }
      });
      canvas.dataset.drawn = 'true';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts(document);
  });
  document.addEventListener('htmx:load', function (event) {
    drawCharts(event.detail.elt || document);
  });
})();
