// The peer page: the explainer's own JSON drawn with TimelineJS (the events, in English) and
// Chart.js (the bilateral-trade comparison: China's customs against Kazakhstan's statistics).
// Used by bench/run.mjs only. Sets `window.peer = { timeline, chart }` and marks
// `data-ready` on each widget once it has drawn.
(async () => {
  const get = (path) => fetch(path).then((response) => response.json());
  const escape = (value) => String(value ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const timelineEl = document.getElementById('timeline');
  const chartEl = document.getElementById('chart');
  const [texts, events, comparisons, series] = await Promise.all([
    get('data/text/en.json'),
    timelineEl ? get('data/events.json') : null,
    chartEl ? get('data/comparisons.json') : null,
    chartEl ? get('data/series.json') : null,
  ]);
  const t = (key) => texts.text[key] ?? '';
  window.peer = {};

  if (timelineEl) {
    const date = (iso) => {
      const [year, month, day] = iso.split('-').map(Number);
      return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
    };
    const data = {
      title: { text: { headline: 'China and Kazakhstan since 1992', text: escape(t('sector.diplomacy.summary')) } },
      events: events.events.map((event) => ({
        unique_id: event.id,
        start_date: date(event.date),
        ...(event.end ? { end_date: date(event.end) } : {}),
        group: t(`sector.${event.sectors[0]}.name`),
        text: { headline: escape(t(`event.${event.id}.title`)), text: `<p>${escape(t(`event.${event.id}.summary`))}</p>` },
      })),
    };
    const timeline = new TL.Timeline(timelineEl, data, {
      script_path: new URL('vendor/timelinejs/js/', document.baseURI).href,
      font: null,
      language: 'en',
      hash_bookmark: false,
    });
    timeline.on('loaded', () => requestAnimationFrame(() => { timelineEl.dataset.ready = '1'; }));
    window.peer.timeline = timeline;
  }

  if (chartEl) {
    const comparison = comparisons.comparisons.find((c) => c.id === 'mirror-trade');
    const byId = new Map(series.series.map((s) => [s.id, s]));
    const shown = comparison.series.map((id) => byId.get(id)).filter(Boolean);
    const years = [...new Set(shown.flatMap((s) => s.points.map((p) => Number(p.period))))]
      .filter(Number.isFinite).sort((a, b) => a - b);
    const colours = ['#1f6fb2', '#c0392b', '#6b7280', '#2e8540', '#8e44ad', '#d35400'];
    const chart = new Chart(chartEl, {
      type: 'line',
      data: {
        labels: years.map(String),
        datasets: shown.map((s, i) => {
          const values = new Map(s.points.map((p) => [Number(p.period), p.value]));
          const colour = colours[i % colours.length];
          return {
            label: t(`series.${s.id}.name`) || s.id,
            data: years.map((year) => values.get(year) ?? null),
            borderColor: colour,
            backgroundColor: colour,
            spanGaps: true,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          title: { display: true, text: t(`comparison.${comparison.id}.title`) },
          subtitle: { display: true, text: t(`comparison.${comparison.id}.subtitle`) },
        },
        scales: { y: { title: { display: true, text: 'US$ bn' } } },
      },
      plugins: [{ id: 'ready', afterRender: (c) => { c.canvas.dataset.ready = '1'; } }],
    });
    window.peer.chart = chart;
  }
})();
