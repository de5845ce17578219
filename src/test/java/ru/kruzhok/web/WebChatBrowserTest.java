package ru.kruzhok.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.kruzhok.support.IntegrationTest;

/** The web chat at {@code /} in a real headless Chromium, as a parent on a phone would use it. */
class WebChatBrowserTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void greetsWithTheMenuAndAnswersAMenuButton() {
        WebDriver browser = open();
        WebElement certificate = awaitButton(browser, "Не сейчас");
        assertThat(botTexts(browser)).anySatisfy(t -> assertThat(t).contains("Здравствуйте"));
        certificate = toMainMenu(browser);
        assertThat(buttonLabels(browser)).anyMatch(l -> l.contains("Найти кружок"))
                .anyMatch(l -> l.contains("Задать вопрос"));
        String before = String.join("\n", botTexts(browser));

        certificate.click();

        // the pressed label is echoed as the parent's message, and the bot answers with something new
        wait(browser).until(d -> myTexts(d).stream().anyMatch(t -> t.contains("Сертификат")));
        wait(browser).until(d -> !String.join("\n", botTexts(d)).equals(before));
        assertThat(botTexts(browser)).isNotEmpty().allSatisfy(t -> assertThat(t).isNotBlank());
    }

    @Test
    void showsTypedMarkupLiterallyWithoutInjectingElements() {
        WebDriver browser = open();
        toMainMenu(browser);
        String before = String.join("\n", botTexts(browser));
        String typed = "<b>жирный</b> & <script>window.__injected = 1</script><img src=x onerror=\"window.__injected=2\">";

        browser.findElement(By.id("text")).sendKeys(typed);
        browser.findElement(By.id("send")).click();

        wait(browser).until(d -> !String.join("\n", botTexts(d)).equals(before));
        List<WebElement> mine = browser.findElements(By.cssSelector(".msg--me"));
        WebElement echo = mine.get(mine.size() - 1);
        assertThat(echo.getText()).isEqualTo(typed);
        assertThat(echo.findElements(By.xpath("./*"))).as("elements inside the echoed message").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#log script, #log img[src='x']"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__injected === undefined")).isEqualTo(true);
    }

    @Test
    void aSecondBrowserProfileIsADifferentVisitorWithItsOwnHistory() {
        WebDriver first = open();
        toMainMenu(first);
        String secret = "Первый посетитель " + newChatId();
        // read before sending: a reply quicker than this line would otherwise be counted as "before"
        List<String> beforeSecret = botTexts(first);
        first.findElement(By.id("text")).sendKeys(secret);
        first.findElement(By.id("send")).click();
        String greeting = beforeSecret.get(0);
        wait(first).until(d -> myTexts(d).contains(secret) && !botTexts(d).equals(beforeSecret));
        List<String> firstHistory = botTexts(first);

        WebDriver second = open();
        toMainMenu(second);

        assertThat(session(second)).isNotBlank().isNotEqualTo(session(first));
        assertThat(botTexts(second)).as("a new visitor starts with the greeting, not the first one's history")
                .isNotEqualTo(firstHistory).first().isEqualTo(greeting);
        assertThat(myTexts(second)).doesNotContain(secret);
        // a reload keeps the first visitor's identity and brings back the bot's side of their history
        String firstSession = session(first);
        first.navigate().refresh();
        wait(first).until(d -> botTexts(d).size() == firstHistory.size());
        assertThat(session(first)).isEqualTo(firstSession);
        assertThat(botTexts(first)).isEqualTo(firstHistory);
    }

    private WebDriver open() {
        ChromeDriver browser = HeadlessChromium.start();
        browsers.add(browser);
        browser.get(baseUrl() + "/");
        return browser;
    }

    /** A first visit starts with the consent screen: decline it and open the main menu. */
    private static WebElement toMainMenu(WebDriver browser) {
        awaitButton(browser, "Не сейчас").click();
        awaitButton(browser, "Главное меню").click();
        return awaitButton(browser, "Сертификат");
    }

    private static WebDriverWait wait(WebDriver browser) {
        // the page replaces a menu message in place when a button edits it: retry on stale elements
        return (WebDriverWait) new WebDriverWait(browser, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static WebElement awaitButton(WebDriver browser, String labelPart) {
        return wait(browser).until(d -> d.findElements(By.cssSelector(".msg--bot button.btn")).stream()
                .filter(b -> b.getText().contains(labelPart)).reduce((a, b) -> b).orElse(null));
    }

    private static List<String> buttonLabels(WebDriver browser) {
        return browser.findElements(By.cssSelector(".msg--bot .btn")).stream().map(WebElement::getText).toList();
    }

    /** Each bot message's text without its buttons. */
    @SuppressWarnings("unchecked")
    private static List<String> botTexts(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('.msg--bot')).map(m => {"
                        + " const c = m.cloneNode(true); c.querySelectorAll('.buttons').forEach(b => b.remove());"
                        + " return c.textContent; });");
    }

    private static List<String> myTexts(WebDriver browser) {
        return browser.findElements(By.cssSelector(".msg--me")).stream().map(WebElement::getText).toList();
    }

    private static String session(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return localStorage.getItem('kruzhok.session')");
    }
}
