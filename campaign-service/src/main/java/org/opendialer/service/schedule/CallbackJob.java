package org.opendialer.service.schedule;

import org.opendialer.service.callback.CallbackService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** A callback falls due. */
@DisallowConcurrentExecution
public class CallbackJob implements DialerJobs.DialerJob {

    @Autowired
    CallbackService callbacks;

    @Override
    public void execute(JobExecutionContext context) {
        callbacks.fire(DialerJobs.longData(context, DialerJobs.CALLBACK_ID));
    }
}
