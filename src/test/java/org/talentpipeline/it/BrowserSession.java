package org.talentpipeline.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * One headless Chromium for a browser test class: {@code @RegisterExtension static BrowserSession
 * browser = new BrowserSession();}, then {@code browser.driver()}. Started before the class, quit after.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private WebDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = Browser.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    public WebDriver driver() {
        return driver;
    }
}
