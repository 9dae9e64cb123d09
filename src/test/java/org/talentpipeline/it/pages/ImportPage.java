package org.talentpipeline.it.pages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The CSV import page: upload, progress bar, report. */
public class ImportPage extends MainPage {

    public ImportPage(WebDriver driver) {
        super(driver);
        waitFor(By.id("upload"));
    }

    /** Uploads a file and waits for the import to end; returns the outcome text. */
    public String upload(Path file) {
        driver.findElement(By.cssSelector("#upload input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        WebElement outcome = new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#success, #rejected, #failure")));
        return outcome.getText();
    }

    public boolean sawProgressBar() {
        return !driver.findElements(By.id("progress:bar")).isEmpty();
    }

    /** The rows of the error table: "line | column | problem". */
    public List<String> errors() {
        return driver.findElements(By.cssSelector("#progress\\:errors_data tr")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
