"""The job engine: accepting jobs, the fair queue in front of the API, submitting, following tasks (polling
schedule, callbacks), handing images over, the controls on accepted jobs and the leases between
processes; and the seam (`events`) through which it reports to the Discord side."""
