/*! China–Kazakhstan Explorer host script: sizes our iframes to their content.
 * Usage: <iframe data-cke-embed src="https://…/?embed=1" …></iframe>
 *        <script src="https://…/embed.js" async></script>
 * No dependencies. Accepts only height messages that one of our iframes sent, from the origin
 * this script was loaded from (or, for a sandboxed iframe, the opaque origin "null"). */
(function () {
  'use strict';
  var script = document.currentScript;
  var appOrigin = script ? new URL(script.src, location.href).origin : null;
  if (!appOrigin) return;

  window.addEventListener('message', function (event) {
    if (event.origin !== appOrigin && event.origin !== 'null') return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    var heights = data['datawrapper-height'];
    if (!heights || typeof heights !== 'object') return;
    var frames = document.querySelectorAll('iframe[data-cke-embed]');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow !== event.source) continue;
      var keys = Object.keys(heights);
      var height = keys.length === 1 ? heights[keys[0]] : undefined;
      if (typeof height === 'number' && isFinite(height) && height > 0 && height < 100000) {
        frames[i].style.height = Math.ceil(height) + 'px';
      }
    }
  });
})();
