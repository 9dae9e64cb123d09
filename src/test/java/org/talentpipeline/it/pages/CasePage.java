package org.talentpipeline.it.pages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A certification case page (certification/application.xhtml), for each party's part in it. */
public class CasePage extends MainPage {

    public CasePage(WebDriver driver) {
        super(driver);
        waitFor(By.id("state"));
    }

    public static CasePage open(WebDriver driver, String base, long id) {
        driver.get(base + "certification/application.xhtml?id=" + id);
        return new CasePage(driver);
    }

    /** A school admin opens a new application in the cycle open now, from the applications page. */
    public static CasePage apply(WebDriver driver, String base) {
        driver.get(base + "certification/applications.xhtml");
        new MainPage(driver).waitFor(By.id("applications:open")).click();
        return new CasePage(driver);
    }

    public long id() {
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.indexOf("id=") + 3).replaceAll("[^0-9].*", ""));
    }

    public String state() {
        return driver.findElement(By.id("state")).getText();
    }

    /** The criteria's codes, in the page's order. */
    public List<String> criteria() {
        return new Select(driver.findElement(By.id("upload:criterion")))
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    public CasePage writeStatement(int index, String text) {
        WebElement area = driver.findElement(By.id("evidence:parts:" + index + ":statement"));
        area.clear();
        area.sendKeys(text);
        return this;
    }

    public CasePage saveStatements() {
        driver.findElement(By.id("evidence:save")).click();
        return awaitMessage();
    }

    /** Uploads a file for a criterion (a full page post). */
    public CasePage upload(String criterion, Path file) {
        new Select(driver.findElement(By.id("upload:criterion"))).selectByValue(criterion);
        driver.findElement(By.cssSelector("#upload input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("upload:send")).click();
        return new CasePage(driver);
    }

    public CasePage submit() {
        driver.findElement(By.id("evidence:submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        return awaitState("Submitted");
    }

    public CasePage assign(String reviewer) {
        new Select(waitFor(By.id("assign:reviewer"))).selectByValue(reviewer);
        driver.findElement(By.id("assign:add")).click();
        return awaitMessage();
    }

    /** A reviewer scores every criterion with a comment. */
    public CasePage score(int score, String comment) {
        int criteria =
                driver.findElements(By.cssSelector("select[id$=':score']")).size();
        for (int i = 0; i < criteria; i++) {
            new Select(driver.findElement(By.id("review:scores:" + i + ":score")))
                    .selectByValue(Integer.toString(score));
            WebElement text = driver.findElement(By.id("review:scores:" + i + ":comment"));
            text.clear();
            text.sendKeys(comment);
        }
        driver.findElement(By.id("review:save")).click();
        return awaitMessage();
    }

    public CasePage decide(String outcome) {
        new Select(waitFor(By.id("decision:outcome"))).selectByValue(outcome);
        driver.findElement(By.id("decision:decide")).click();
        return awaitMessage();
    }

    public String messages() {
        return driver.findElement(By.id("messages")).getText();
    }

    public String text() {
        return driver.findElement(By.id("case")).getText();
    }

    private CasePage awaitMessage() {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#messages .ui-messages-info, #messages .ui-messages-error")));
        return this;
    }

    public CasePage awaitState(String state) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("state"), state));
        return this;
    }
}
