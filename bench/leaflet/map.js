// The peer baseline: the same land GeoJSON as Kuril Atlas (/api/geo/land/N,
// proxied to our server), drawn by Leaflet 1.9.4's SVG renderer, with the same
// levels of detail at the same zooms (app/src/atlas.rs LEVEL_ZOOMS), the same
// initial fit (model DISPUTE_BOUNDS, zoom floored to 0.25) and zoom limits.
'use strict';
(function () {
  var LEVEL_ZOOMS = [9, 11];
  var map = L.map('map', {
    zoomSnap: 0.25,
    minZoom: 5,
    maxZoom: 15,
    attributionControl: true,
  });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Coastlines: GSHHG (LGPL) · © OpenStreetMap contributors (ODbL)');
  map.fitBounds([[43.2, 145.3], [45.6, 149.0]], { padding: [0, 0] });

  var layer = null;
  var shownLevel = -1;
  var wanted = -1;
  var cache = {};

  function style(feature) {
    var disputed = feature.properties && feature.properties.role === 'disputed';
    return {
      className: (disputed ? 'land disputed island-' : 'land context island-') + feature.id,
      weight: 1,
    };
  }

  function show(level, data) {
    if (level !== wanted) return;
    var next = L.geoJSON(data, { style: style });
    next.addTo(map);
    if (layer) map.removeLayer(layer);
    layer = next;
    shownLevel = level;
  }

  function load(level) {
    wanted = level;
    if (cache[level]) return show(level, cache[level]);
    fetch('/api/geo/land/' + level)
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (data) { cache[level] = data; show(level, data); })
      .catch(function (e) { console.error('land ' + level + ': ' + e); });
  }

  function levelFor(zoom) {
    return LEVEL_ZOOMS.filter(function (z) { return zoom >= z; }).length;
  }

  map.on('zoomend', function () {
    var level = levelFor(map.getZoom());
    if (level !== wanted && level !== shownLevel) load(level);
  });
  load(levelFor(map.getZoom()));
  window.benchMap = map;
})();
