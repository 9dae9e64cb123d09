package org.talentpipeline.it.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Any page inside the application: the menu bar, the language switch, sign-out. */
public class MainPage {

    protected final WebDriver driver;

    public MainPage(WebDriver driver) {
        this.driver = driver;
        waitFor(By.id("menu:menubar"));
    }

    protected WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(by));
        } catch (TimeoutException e) {
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError(
                    "no " + by + " on " + driver.getCurrentUrl() + ": "
                            + text.substring(0, Math.min(400, text.length())),
                    e);
        }
    }

    /** The labels of the menu bar's top-level items, as the user sees them. */
    public List<String> menu() {
        return driver
                .findElements(By.cssSelector("#menu\\:menubar > ul > li.ui-menuitem > a .ui-menuitem-text"))
                .stream()
                .map(WebElement::getText)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public String signedInAs() {
        return driver.findElement(By.id("menu:signed-in")).getText();
    }

    public MainPage switchToChinese() {
        driver.findElement(By.id("menu:lang-zh")).click();
        return new MainPage(driver);
    }

    public MainPage switchToEnglish() {
        driver.findElement(By.id("menu:lang-en")).click();
        return new MainPage(driver);
    }

    public void signOut() {
        driver.findElement(By.id("menu:signout")).click();
        waitFor(By.id("signin:username"));
    }
}
