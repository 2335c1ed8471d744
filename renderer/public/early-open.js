// Starts opening the app's database while the app's code is still loading: at district size, opening IndexedDB
// takes about half a second of the cold start, and Chromium keeps the opened backing store for the connection the
// app makes next (db/open.ts). A plain script, not part of the bundle, so that it runs before the bundle is parsed.
// This connection never creates or upgrades anything: a brand-new install is left for the app to create, and the
// connection closes at once when the app asks for a version change, or after ten seconds.
(function () {
  'use strict';
  try {
    var request = indexedDB.open('safetrain');
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onerror = function (event) {
      event.preventDefault();
    };
    request.onsuccess = function () {
      var db = request.result;
      db.onversionchange = function () {
        db.close();
      };
      setTimeout(function () {
        db.close();
      }, 10000);
    };
  } catch {
    // No IndexedDB here (a private window): the app reports it when it opens the database itself.
  }
})();
