package org.talentpipeline.it.pages;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One student's page: the record form and the consent panel. */
public class StudentPage extends MainPage {

    public StudentPage(WebDriver driver) {
        super(driver);
        waitFor(By.id("student:fullName"));
    }

    public String fullName() {
        return driver.findElement(By.id("student:fullName")).getAttribute("value");
    }

    public StudentPage rename(String name) {
        WebElement field = driver.findElement(By.id("student:fullName"));
        field.clear();
        field.sendKeys(name);
        return this;
    }

    public StudentPage setEmail(String email) {
        WebElement field = driver.findElement(By.id("student:email"));
        field.clear();
        field.sendKeys(email);
        return this;
    }

    /** Saves and returns the message the page shows (info or error). */
    public String save() {
        driver.findElement(By.id("student:save")).click();
        return message();
    }

    public String grantConsent(boolean guardian, String note) {
        if (guardian) {
            driver.findElement(By.cssSelector("#consent\\:guardian .ui-chkbox-box"))
                    .click();
        }
        driver.findElement(By.id("consent:note")).sendKeys(note);
        driver.findElement(By.id("consent:grant")).click();
        return message();
    }

    public String withdrawConsent() {
        driver.findElement(By.id("consent:withdraw")).click();
        return message();
    }

    public String consentState() {
        return driver.findElement(By.id("consentState")).getText();
    }

    public int historyRows() {
        return driver.findElements(By.cssSelector("#consent\\:history_data tr:not(.ui-datatable-empty-message)"))
                .size();
    }

    private String message() {
        WebElement messages = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#messages .ui-messages-info, #messages .ui-messages-error")));
        String text = messages.getText();
        // clear it, so that the next action waits for its own message
        ((JavascriptExecutor) driver).executeScript("arguments[0].remove()", messages);
        return text;
    }
}
