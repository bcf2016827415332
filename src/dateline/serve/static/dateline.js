// dateline serve: the charts. Data comes from JSON the server put in the page or from /api;
// every point links to the events behind it.
"use strict";

const QUAD_COLOURS = { "1": "#7fb3e6", "2": "#2f7fc8", "3": "#f3a86b", "4": "#c8412f" };

function eventsUrl(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  return "/events?" + query.toString();
}

function drawDyad(el) {
  const series = JSON.parse(document.getElementById("series-data").textContent);
  const periods = series.periods;
  const chart = echarts.init(el);
  const bars = Object.entries(series.quads).map(([quad, label]) => ({
    name: label, type: "bar", stack: "events", quad: quad,
    itemStyle: { color: QUAD_COLOURS[quad] },
    data: periods.map((p) => p.by_quad[quad]),
  }));
  const line = {
    name: "mean Goldstein", type: "line", yAxisIndex: 1, connectNulls: true,
    itemStyle: { color: "#222" }, data: periods.map((p) => p.goldstein_mean),
  };
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { top: 40, left: 50, right: 50, bottom: 30 },
    xAxis: { type: "category", data: periods.map((p) => p.period) },
    yAxis: [{ type: "value", name: "events", minInterval: 1 },
            { type: "value", name: "Goldstein", min: -10, max: 10 }],
    series: [...bars, line],
  });
  chart.on("click", (point) => {
    const period = periods[point.dataIndex];
    if (!period) return;
    const quad = point.seriesIndex < bars.length ? bars[point.seriesIndex].quad : null;
    window.location.href = eventsUrl({
      dyad: el.dataset.dyad, directed: el.dataset.directed === "true" ? "true" : null,
      since: period.start, until: period.end, quad: quad,
    });
  });
  el.dataset.drawn = "true";
  window.addEventListener("resize", () => chart.resize());
}

function monthsBetween(first, last) {
  const months = [];
  if (!first || !last) return months;
  let [year, month] = first.slice(0, 7).split("-").map(Number);
  const [endYear, endMonth] = last.slice(0, 7).split("-").map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return months;
}

function monthBounds(month) {
  const [year, m] = month.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(lastDay).padStart(2, "0")}`];
}

// world-atlas keeps unprojected longitudes, so a ring crossing the antimeridian (Chukotka, Fiji)
// jumps from +180 to -180 and ECharts draws a band across the map; move its west half east.
function unwrapRing(ring) {
  const crosses = ring.some((p) => p[0] > 160) && ring.some((p) => p[0] < -160);
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapGeometry(geometry) {
  if (!geometry) return geometry;
  if (geometry.type === "Polygon") return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === "MultiPolygon") {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

const ANTARCTICA = "010";  // a ring around the pole that no flat projection of ECharts draws cleanly

async function drawMap(el) {
  const topology = await (await fetch(el.dataset.world)).json();
  const world = topojson.feature(topology, topology.objects.countries);
  world.features = world.features.filter((f) => String(f.id) !== ANTARCTICA);
  // The shapes are keyed by ISO 3166-1 numeric code; the API gives it with each count.
  for (const feature of world.features) {
    feature.geometry = unwrapGeometry(feature.geometry);
    feature.properties = { ...feature.properties, iso_n3: feature.id === undefined ? "" : String(feature.id) };
  }
  echarts.registerMap("world", world);
  const chart = echarts.init(el);
  const months = monthsBetween(el.dataset.first, el.dataset.last);
  const slider = document.getElementById("month-slider");
  const label = document.getElementById("month-label");
  const all = document.getElementById("all-months");
  slider.max = String(Math.max(months.length - 1, 0));
  slider.value = slider.max;
  all.checked = months.length === 0;

  async function show() {
    const range = all.checked || months.length === 0 ? [null, null] : monthBounds(months[Number(slider.value)]);
    label.textContent = all.checked || months.length === 0 ? "all months" : months[Number(slider.value)];
    const query = new URLSearchParams();
    if (range[0]) { query.set("since", range[0]); query.set("until", range[1]); }
    const counts = await (await fetch("/api/map?" + query.toString())).json();
    const data = counts.items.filter((c) => c.iso_n3).map((c) => ({ name: c.iso_n3, value: c.events, country: c.country }));
    const most = Math.max(1, ...data.map((d) => d.value));
    chart.setOption({
      animation: false,
      tooltip: { trigger: "item", formatter: (p) => `${p.data ? p.data.country : ""} ${p.value > 0 ? p.value + " events" : ""}` },
      visualMap: { min: 0, max: most, left: 10, bottom: 20, calculable: true, inRange: { color: ["#e8f1fa", "#08306b"] } },
      series: [{ type: "map", map: "world", nameProperty: "iso_n3", roam: true, data: data, emphasis: { label: { show: false } } }],
    });
    chart.off("click");
    chart.on("click", (point) => {
      if (!point.data) return;
      window.location.href = eventsUrl({ country: point.data.country, since: range[0], until: range[1] });
    });
    el.dataset.drawn = "true";
  }
  slider.addEventListener("input", () => { all.checked = false; show(); });
  all.addEventListener("change", show);
  window.addEventListener("resize", () => chart.resize());
  await show();
}

window.addEventListener("DOMContentLoaded", () => {
  const dyad = document.getElementById("dyad-chart");
  if (dyad) drawDyad(dyad);
  const map = document.getElementById("world-map");
  if (map) drawMap(map).catch((err) => { map.textContent = "The map could not be drawn: " + err; });
});
