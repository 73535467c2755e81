//! `/fragments/measure`: the measure tool's well-known distances, through
//! the real router over the committed data.

mod support;

use support::get;

#[tokio::test]
async fn each_known_distance_is_a_button_with_its_ends_our_figure_and_the_published_one() {
    let answer = get("/fragments/measure").await;
    assert_eq!(answer.status, 200);
    let html = answer.text();
    let buttons = html.matches("data-measure=\"").count();
    assert!(buttons >= 8, "{buttons}");
    let kaigara = html
        .split("<li>")
        .find(|li| li.contains("Kaigara-jima"))
        .expect("Cape Nosappu to Kaigara");
    assert!(kaigara.contains("data-measure=\"145.81700,43.38500 145.85800,43.39700\""));
    assert!(kaigara.contains("3.6 km (1.9 nmi)"), "{kaigara}");
    assert!(kaigara.contains("published: 3.7 km"));
    assert!(kaigara.contains("href=\"https://www.hoppou.go.jp/"));
    // An island's end is the nearest point of its outline, and says so.
    assert!(html.contains("(nearest point)"));
}

#[tokio::test]
async fn the_list_speaks_the_links_language() {
    let html = get("/fragments/measure?lang=ru").await.text();
    assert!(html.contains("Известные расстояния"));
    assert!(html.contains("3,6 км"), "Russian decimals");
    let ja = get("/fragments/measure?lang=ja").await.text();
    assert!(ja.contains("納沙布岬"), "Japanese names on a Japanese page");
}
