//! The window under egui_kittest, as tests/app.rs and tests/app_curation.rs
//! drive it: no display or GPU.

use egui_kittest::Harness;
use stancemap::app::StancemapApp;
use stancemap::load::LoadOptions;

/// `app` in a 1500×950 window, after the live layout has settled (it
/// starts from a converged layout).
pub fn window(app: StancemapApp) -> Harness<'static, StancemapApp> {
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_ui_state(|ui, app: &mut StancemapApp| app.show(ui), app);
    harness.run_steps(30);
    harness
}

/// The window on the seed article.
pub fn seed_window() -> Harness<'static, StancemapApp> {
    window(StancemapApp::seed(LoadOptions::default(), 0.5))
}
