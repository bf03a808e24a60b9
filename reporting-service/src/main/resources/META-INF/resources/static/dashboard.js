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

  // Line charts drawn from a table: <canvas data-chart-table="ID"> plots the <table id="ID"> (first column the labels,
  // each further column a series named by its header). The table stays on the page, so nothing depends on the chart.
  function drawCharts(root) {
    if (typeof window.Chart === 'undefined') {
      return;
    }
    root.querySelectorAll('canvas[data-chart-table]').forEach(function (canvas) {
      var table = document.getElementById(canvas.dataset.chartTable);
      if (!table || canvas.dataset.drawn) {
        return;
      }
      var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent.trim(); });
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
      var colours = ['#1d4ed8', '#8a1c1c', '#6b4400', '#1b5e20'];
      var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
      var points = ['circle', 'rect', 'triangle', 'rectRot'];
      var datasets = headers.slice(1).map(function (label, i) {
        return {
          label: label,
          data: rows.map(function (row) { return Number(row.cells[i + 1].textContent.replace(/[^0-9.-]/g, '')); }),
          borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
          borderDash: dashes[i % dashes.length], pointStyle: points[i % points.length], pointRadius: 4, tension: 0
        };
      });
      new window.Chart(canvas, {
        type: 'line',
        data: { labels: labels, datasets: datasets },
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
