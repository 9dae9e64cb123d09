package org.talentpipeline.it.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The students page: a lazy table with filters, and the links to add, import and export. */
public class StudentListPage extends MainPage {

    public StudentListPage(WebDriver driver) {
        super(driver);
        waitFor(By.id("students:list"));
    }

    public static StudentListPage open(WebDriver driver, String base, String school) {
        driver.get(base + "student/list.xhtml" + (school == null ? "" : "?school=" + school));
        return new StudentListPage(driver);
    }

    /** The full names in the table's current page. */
    public List<String> names() {
        return driver.findElements(By.cssSelector("#students\\:list_data tr td:nth-child(2)")).stream()
                .map(WebElement::getText)
                .filter(s -> !s.isBlank())
                .toList();
    }

    public List<String> numbers() {
        return driver.findElements(By.cssSelector("#students\\:list_data tr td:nth-child(1) a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String report() {
        return driver.findElement(By.cssSelector("#students\\:list .ui-paginator-current"))
                .getText();
    }

    /** Types into the name filter and waits until the table shows only matching rows. */
    public StudentListPage filterByName(String prefix) {
        WebElement filter = driver.findElement(By.id("students:list:name:filter"));
        filter.clear();
        filter.sendKeys(prefix);
        // the table is replaced while it is read: a row read as it goes is read again
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> names = names();
                    return !names.isEmpty()
                            && names.stream().allMatch(n -> n.toLowerCase().startsWith(prefix.toLowerCase()));
                });
        return this;
    }

    public StudentPage openStudent(String number) {
        driver.findElement(By.linkText(number)).click();
        return new StudentPage(driver);
    }

    public ImportPage openImport() {
        driver.findElement(By.id("students:import")).click();
        return new ImportPage(driver);
    }
}
