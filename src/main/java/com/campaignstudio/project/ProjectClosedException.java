package com.campaignstudio.project;

import java.sql.SQLException;

/** A query asked for after its project was closed (work that outlived the project); nothing was read or written. */
public final class ProjectClosedException extends SQLException {

    public ProjectClosedException() {
        super("the project was closed; open it again to continue");
    }
}
