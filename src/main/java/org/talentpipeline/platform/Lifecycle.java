package org.talentpipeline.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * The last start-up stage: logs that the application is ready. Started by {@code mvn -Prun}
 * ({@code -Dtp.stopWithParent=true}), the server also stops when the process that started it ends,
 * however it ended (Ctrl-C, a kill, a closed IDE), so no stray server keeps the port.
 */
@Singleton
@Startup
@DependsOn("FirstAdmin")
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    @PostConstruct
    void ready() {
        if (Boolean.getBoolean("tp.stopWithParent")) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                LOG.info("The process that started this server (" + parent.pid() + ") has ended: stopping");
                // System.exit runs Payara's shutdown hooks: the application is undeployed and the port freed
                new Thread(() -> System.exit(0), "tp-stop-with-parent").start();
            }));
        }
        StartupStages.ready();
    }
}
