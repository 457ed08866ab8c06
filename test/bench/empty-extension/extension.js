// Baseline for `npm run bench`: an extension whose activate() does nothing, so the measured time is
// what the extension host itself spends loading and activating any extension.
exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
